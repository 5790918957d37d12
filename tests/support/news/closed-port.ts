/**
 * A TCP port on 127.0.0.1 that nothing listens on: bound to port 0, then released. A request to
 * it is refused by the local kernel, so a test of "connection refused" never leaves the machine.
 */
import { createServer, type AddressInfo } from 'node:net';

export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
