import {
  type ConfiguratorEngine,
  type ProductModel,
  decodeCompiled,
  deserializeCompiled,
  diagramEngine,
  isCompiledBinary,
  SolverError,
} from '../../engine/index.ts';

/**
 * Fetches a compiled file of `model` (`madeto compile`: JSON, or binary — `.bin`, gzipped or not;
 * the format is read from the bytes) and returns its diagram engine, with no compile. Throws the
 * engine's `BAD_COMPILED` when the file was made for another model, version or content, and
 * `BAD_COMPILED` naming the URL when it cannot be fetched.
 *
 * @example
 * const engine = await loadCompiled('/catalogue/big.compiled.bin.gz', model);
 */
export async function loadCompiled(url: string, model: ProductModel): Promise<ConfiguratorEngine> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
    // a .gz file served as is (no Content-Encoding): unpack it here
    if (bytes[0] === 0x1f && bytes[1] === 0x8b)
      bytes = new Uint8Array(
        await new Response(
          new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')),
        ).arrayBuffer(),
      );
  } catch (error) {
    throw new SolverError(
      'BAD_COMPILED',
      `the compiled file ${url} could not be loaded (${(error as Error).message})`,
      url,
    );
  }
  const json = isCompiledBinary(bytes)
    ? decodeCompiled(bytes)
    : (JSON.parse(new TextDecoder().decode(bytes)) as unknown);
  return diagramEngine(deserializeCompiled(json, model));
}
