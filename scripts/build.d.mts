/** The build (scripts/build.mjs), for the tests that build into a folder of their own. */
export declare function buildServer(outDir?: string): Promise<string>;
export declare function buildExtension(outDir?: string): Promise<string>;
export declare function buildAdmin(outDir?: string): Promise<string>;
