#!/usr/bin/env node
// Reads SGF files with @sabaki/sgf (the Sabaki GUI's parser) and prints, for each file, its trees as flat
// pre-order lists of nodes: {props: {ID: [values...]}, children: count}. The .NET tests compare this with
// ZeroGo's own tree to check that files written by ZeroGo are read the same way by an independent reader.
// Usage: node read-sgf.js FILE... > result.json
'use strict'
const sgf = require('@sabaki/sgf')

function flatten(root) {
  const nodes = []
  const stack = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    nodes.push({props: node.data, children: node.children.length})
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return nodes
}

const result = {}
for (const file of process.argv.slice(2)) {
  try {
    result[file] = {trees: sgf.parseFile(file).map(flatten)}
  } catch (error) {
    result[file] = {error: String(error && error.message || error)}
  }
}
process.stdout.write(JSON.stringify(result))
