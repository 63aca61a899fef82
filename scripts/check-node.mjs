// Runs first in `npm ci`/`npm install` (preinstall) and in `npm start`: on a Node.js older than the
// one the till is built for, stop with one plain line instead of a crash further on (better-sqlite3 13
// segfaults on Node 20). Written in syntax every Node since 12 parses.
const REQUIRED = { major: 22, minor: 12 };
const [major, minor] = process.versions.node.split('.').map(Number);
const tooOld = major < REQUIRED.major || (major === REQUIRED.major && minor < REQUIRED.minor);
if (tooOld) {
  console.error(
    `GetMeBack Till needs Node.js 24 LTS (22.12 or newer); this is Node.js ${process.versions.node}. ` +
      'Install Node.js 24 (https://nodejs.org, or: npm i -g node@24 --prefix ~/.node24 && export PATH=~/.node24/bin:$PATH) and run the command again.',
  );
  process.exit(1);
}
