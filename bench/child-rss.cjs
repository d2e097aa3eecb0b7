// Preloaded into each measured child (`node --require bench/child-rss.cjs ...`): at exit, the process's peak
// resident set (getrusage maxrss: every thread, worker threads included) goes to $BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
