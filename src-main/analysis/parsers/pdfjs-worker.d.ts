// pdfjs-dist ships no typings for its worker module; only its presence matters to us (it lets the
// library run its "worker" on the calling thread in Node).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
