#!/usr/bin/env node
import { main, nodeIo } from '../dist/main.js'
try {
  process.exitCode = await main(process.argv.slice(2), nodeIo())
} catch (error) {
  // Anything a user can cause is a one-line message from main(); what reaches here is keeling's own fault.
  process.stderr.write(`keeling: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
  process.stderr.write(process.env.KEELING_DEBUG ? `${error instanceof Error ? error.stack : ''}\n` : 'this is a bug in keeling: please report it with the command you ran (KEELING_DEBUG=1 prints the stack trace)\n')
  process.exitCode = 70
}
