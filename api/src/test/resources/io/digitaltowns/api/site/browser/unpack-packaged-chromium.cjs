// Unpacks the brotli-packed headless Chromium of npm's @sparticuz/chromium with node's built-in zlib only.
// usage: node unpack-packaged-chromium.cjs <package bin folder> <target folder>
// Writes <target>/chromium (executable) and the SwiftShader libraries beside it (Chromium loads its GL
// libraries from its own folder). Its fonts.conf and the AL2023 libraries are left out on purpose: the
// tests use the machine's fonts and libraries.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const [binDir, targetDir] = process.argv.slice(2);
if (!binDir || !targetDir) {
  console.error("usage: node unpack-packaged-chromium.cjs <bin folder> <target folder>");
  process.exit(2);
}
fs.mkdirSync(targetDir, { recursive: true });

function inflate(name) {
  return zlib.brotliDecompressSync(fs.readFileSync(path.join(binDir, name)));
}

// A ustar archive: 512-byte headers, each followed by the entry's bytes padded to 512.
// Only regular files and folders occur in these archives; anything else is refused.
function extractTar(archive, into) {
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => header.subarray(start, start + length).toString("latin1").replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = (prefix ? prefix + "/" : "") + field(0, 100);
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const mode = parseInt(field(100, 8).trim() || "644", 8);
    const type = field(156, 1) || "0";
    const destination = path.resolve(into, name);
    if (!destination.startsWith(path.resolve(into) + path.sep) && destination !== path.resolve(into)) {
      throw new Error("archive entry outside the target folder: " + name);
    }
    const body = archive.subarray(offset + 512, offset + 512 + size);
    if (type === "5") {
      fs.mkdirSync(destination, { recursive: true });
    } else if (type === "0") {
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.writeFileSync(destination, body, { mode: mode & 0o777 });
    } else {
      throw new Error("unexpected archive entry type " + type + " for " + name);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}

const chromium = path.join(targetDir, "chromium");
fs.writeFileSync(chromium, inflate("chromium.br"), { mode: 0o755 });
console.log("unpacked " + chromium);
if (fs.existsSync(path.join(binDir, "swiftshader.tar.br"))) {
  extractTar(inflate("swiftshader.tar.br"), targetDir);
  console.log("unpacked SwiftShader into " + targetDir);
}
