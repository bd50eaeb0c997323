/** Shared by the P4 benchmark and its stub child process (a module without side effects). */
export const BENCH_KEY = "bench-admin-key-0123456789abcdef";
export const BENCH_USER = "bench-user";
