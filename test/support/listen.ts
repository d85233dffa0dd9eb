/** Anything that listens like node:net's Server (an SMTPServer too). */
interface Listener {
  once(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  listen(port: number, host: string, callback: () => void): unknown;
}

/**
 * Listens on a free loopback port; an error while starting to listen rejects instead of being
 * thrown as an unhandled 'error' event. The caller adds its own 'error' listener for later ones.
 */
export async function listenOnLoopback(server: Listener): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
