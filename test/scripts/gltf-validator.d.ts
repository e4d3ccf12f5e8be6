/** The part of Khronos' glTF validator (the `gltf-validator` npm package, untyped) the tests use. */
declare module 'gltf-validator' {
  export interface ValidationReport {
    issues: {
      numErrors: number;
      numWarnings: number;
      numInfos: number;
      numHints: number;
      messages: { code: string; message: string; severity: number; pointer?: string }[];
    };
    info?: { resources?: { pointer: string; storage: string; mimeType?: string }[] };
  }
  export function validateBytes(
    data: Uint8Array,
    options?: { uri?: string; format?: 'gltf' | 'glb'; maxIssues?: number },
  ): Promise<ValidationReport>;
}
