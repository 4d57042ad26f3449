import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The text of a PDF, read back with unpdf (PDF.js) as a reader would extract it. unpdf loads its
 * PDF.js bundle with a dynamic ESM import, which jest's CommonJS VM refuses without an experimental
 * flag, so the extraction runs in a plain Node child process; the bytes go in on stdin.
 */
const SCRIPT = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { text } = await extractText(pdf, { mergePages: true });
process.stdout.write(text);
`;

export function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      // Resolved from apps/api, where unpdf is a dev dependency.
      { cwd: path.resolve(__dirname, '../..'), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
    );
    child.stdin!.end(bytes);
  });
}
