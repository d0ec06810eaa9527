/** The package version, kept equal to package.json's by a test (bundles carry no package.json). */
export const VERSION = '0.1.0';
