#!/usr/bin/env node
// CommonJS (bin/package.json): Node starts a CommonJS file about 7 ms sooner than an ES module.
const { start } = require('../dist/start.cjs')

start(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    // Anything a user can cause is a one-line message from main(); what reaches here is keeling's own fault.
    process.stderr.write(`keeling: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.stderr.write(process.env.KEELING_DEBUG ? `${error instanceof Error ? error.stack : ''}\n` : 'this is a bug in keeling: please report it with the command you ran (KEELING_DEBUG=1 prints the stack trace)\n')
    process.exitCode = 70
  }
)
