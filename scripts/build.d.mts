/** The build (scripts/build.mjs), for the tests and their global setup. */
export declare function buildServer(outDir?: string): Promise<string>;
export declare function buildExtension(outDir?: string): Promise<string>;
export declare function buildAdmin(outDir?: string): Promise<string>;
export declare function buildDemo(outDir?: string): Promise<string>;
