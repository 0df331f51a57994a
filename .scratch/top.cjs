const fs=require("fs");const d=process.argv[2];const f=fs.readdirSync(d).map(x=>d+x).sort((a,b)=>fs.statSync(b).size-fs.statSync(a).size)[0];
const p=JSON.parse(fs.readFileSync(f));const self=new Map();const dt=p.timeDeltas;const byId=new Map(p.nodes.map(n=>[n.id,n]));
const t=new Map();for(let i=0;i<p.samples.length;i++){t.set(p.samples[i],(t.get(p.samples[i])||0)+(dt[i]||0));}
for(const [id,us] of t){const n=byId.get(id);const k=n.callFrame.functionName+" "+n.callFrame.url.split("/").slice(-2).join("/")+":"+n.callFrame.lineNumber;self.set(k,(self.get(k)||0)+us);}
const tot=[...self.values()].reduce((a,b)=>a+b,0);console.log('total ms',tot/1000);[...self].sort((a,b)=>b[1]-a[1]).slice(0,22).forEach(([k,v])=>console.log((v/tot*100).toFixed(1)+"%",(v/1000).toFixed(0)+'ms',k));
