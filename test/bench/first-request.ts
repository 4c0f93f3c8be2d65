import type { Metafile } from 'esbuild';
import { storeFileOf } from '../../functions/src/composition/table-stores';

/** The output files one loads, itself and what it imports statically (in the order Node evaluates them, near enough). */
export function staticClosure(metafile: Metafile, file: string, into = new Set<string>()): Set<string> {
  // Node's own modules (external) are no files of the bundle.
  if (into.has(file) || !metafile.outputs[file]) return into;
  into.add(file);
  for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') staticClosure(metafile, imported.path, into);
  return into;
}

/** Sending email (now, or from the outbox) reads and writes these stores besides calling the email service. */
const SENDING_PORTS = ['outbox', 'unreachable', 'audit'];

/**
 * The store chunks a set of files loads on first call: the ports their source modules take from the
 * composition root (`portsUsed`, read from the types), each port's file of `@pip/storage`.
 */
function storeChunks(metafile: Metafile, files: Iterable<string>, portsUsed: Map<string, Set<string>>): Set<string> {
  const ports = new Set<string>();
  for (const file of files) {
    for (const input of Object.keys(metafile.outputs[file]!.inputs)) {
      const used = [...portsUsed].find(([source]) => input.endsWith(source))?.[1];
      for (const port of used ?? []) {
        ports.add(port);
        if (port === 'delivery' || port === 'outboxDelivery') for (const sending of SENDING_PORTS) ports.add(sending);
      }
    }
  }
  const storeFiles = new Set([...ports].flatMap((port) => storeFileOf(port) ?? []));
  const chunks = new Set<string>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const storeFile = /packages\/storage\/src\/([\w-]+)\.ts$/u.exec(output.entryPoint ?? '')?.[1];
    if (storeFile && storeFiles.has(storeFile)) staticClosure(metafile, file, chunks);
  }
  return chunks;
}

/**
 * The files a function's heaviest first request loads: the entry and its static imports, then one
 * route's chunk with its own, then the modules of the stores that route's use cases take (loaded on
 * their first call), then the token verifier's where the function has signed-in routes. `route` is
 * the heaviest route module's source file. Without `portsUsed` no store module is counted.
 */
export function firstRequestFiles(metafile: Metafile, signedIn: boolean, portsUsed = new Map<string, Set<string>>()): { files: string[]; route?: string } {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith('/index.mjs'))!;
  const loaded = staticClosure(metafile, entry);
  const dynamic = [...loaded].flatMap((file) => metafile.outputs[file]!.imports.filter((imported) => imported.kind === 'dynamic-import').map((imported) => imported.path));
  const isVerifier = (file: string) => metafile.outputs[file]?.entryPoint?.includes('aws-jwt-verify') ?? false;
  // A route's module is one the handler loads; the SDK's own `import()`s (credential providers other than Lambda's) are not read.
  const isRoute = (file: string) => metafile.outputs[file]?.entryPoint?.includes('functions/src/handlers/') ?? false;
  const bytes = (files: Set<string>) => [...files].filter((file) => !loaded.has(file)).reduce((sum, file) => sum + metafile.outputs[file]!.bytes, 0);
  const withStores = (files: Set<string>) => new Set([...files, ...storeChunks(metafile, files, portsUsed)]);
  const routeChunks = [...new Set(dynamic.filter(isRoute))].map((file) => ({ file, closure: withStores(new Set([...loaded, ...staticClosure(metafile, file)])) }));
  const heaviest = routeChunks.sort((a, b) => bytes(b.closure) - bytes(a.closure))[0];
  const verifier = signedIn ? dynamic.filter(isVerifier).flatMap((file) => [...staticClosure(metafile, file)]) : [];
  // A function with no routes to load (a timed function, the health check) reads its entry and the stores it calls.
  const first = heaviest?.closure ?? withStores(loaded);
  return { files: [...new Set([...loaded, ...first, ...verifier])], route: heaviest && metafile.outputs[heaviest.file]!.entryPoint };
}
