// Preloaded into the api when profiling (BENCH_CPU_PROF): exit normally on SIGTERM so that node writes
// the --cpu-prof file (a process killed by a signal writes none).
process.on('SIGTERM', () => process.exit(0));
