import { BlockList, isIPv4 } from "node:net";

// 127.0.0.0/8 and ::1. node:net's BlockList does the subnet arithmetic (no hand-written CIDR matching).
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** True for a loopback address: 127.0.0.0/8, ::1, or an IPv4-mapped loopback (::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const v4 = mapped ?? (isIPv4(address) ? address : undefined);
  return v4 !== undefined ? LOOPBACK.check(v4, "ipv4") : LOOPBACK.check(address, "ipv6");
}
