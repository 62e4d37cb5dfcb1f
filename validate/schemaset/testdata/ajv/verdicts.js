// verdicts.js checks payloads with ajv (JSON Schema 2020-12), for
// TestAjvAgrees. Usage: node verdicts.js SCHEMADIR JOBS
// SCHEMADIR holds the *.schema.json documents; JOBS is JSON lines of
// {"file": "<schema file name>", "data": "<payload text>"}. It prints one
// line per job: "1" valid, "0" invalid, "x" not JSON. ajv is found through
// NODE_PATH. JSON Schema leaves what a format accepts to the implementation;
// every format the documents use is written here as validate/formats.go
// and validate/plan_formats.go define it, so that the verdicts compare the
// documents, not two readings of RFC 3339.
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020").default;

const [dir, jobsFile] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });

function isDate(s) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) days = 29;
  return d <= days;
}
ajv.addFormat("date", isDate);
ajv.addFormat("uuid", /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
ajv.addFormat("date-time", (s) => {
  const m = /^(.{10})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|([+-])([0-9]{2}):([0-9]{2}))$/.exec(s);
  if (!m || !isDate(m[1])) return false;
  let [h, mi, sec] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || mi > 59 || sec > 60) return false;
  if (m[7]) {
    const [zh, zm] = [Number(m[8]), Number(m[9])];
    if (zh > 23 || zm > 59) return false;
    let hm = h * 60 + mi + (m[7] === "+" ? -1 : 1) * (zh * 60 + zm);
    if (hm < 0) hm += 24 * 60;
    h = Math.floor(hm / 60) % 24;
    mi = hm % 60;
  }
  return sec < 60 || (h === 23 && mi === 59);
});

function twoDigits(s, max) {
  if (!/^[0-9]{2}/.test(s)) return null;
  return Number(s.slice(0, 2)) <= max ? s.slice(2) : null;
}
ajv.addFormat("time-of-day", (s) => {
  let r = twoDigits(s, 23);
  if (r === null || r[0] !== ":") return false;
  r = twoDigits(r.slice(1), 59);
  if (r === null) return false;
  if (r === "") return true;
  if (r[0] !== ":") return false;
  r = twoDigits(r.slice(1), 59);
  if (r === null) return false;
  return r === "" || /^\.[0-9]+$/.test(r);
});
ajv.addFormat("duration", (s) => {
  if (s.startsWith("-")) s = s.slice(1);
  if (!s.startsWith("P") || s.length === 1) return false;
  s = s.slice(1);
  const t = s.indexOf("T");
  let date = t < 0 ? s : s.slice(0, t);
  let tm = t < 0 ? "" : s.slice(t + 1);
  if (t >= 0 && tm === "") return false;
  let units = "YMWD";
  while (date !== "") {
    const m = /^[0-9]+/.exec(date);
    if (!m || m[0].length === date.length) return false;
    const i = units.indexOf(date[m[0].length]);
    if (i < 0) return false;
    units = units.slice(i + 1);
    date = date.slice(m[0].length + 1);
  }
  units = "HMS";
  while (tm !== "") {
    const m = /^[0-9]+/.exec(tm);
    if (!m || m[0].length === tm.length) return false;
    let rest = tm.slice(m[0].length);
    if (rest[0] === ".") {
      const f = /^[0-9]*/.exec(rest.slice(1))[0].length;
      if (f === 0 || 1 + f === rest.length || rest[1 + f] !== "S") return false;
      rest = rest.slice(1 + f);
    }
    const i = units.indexOf(rest[0]);
    if (i < 0) return false;
    units = units.slice(i + 1);
    tm = rest.slice(1);
  }
  return true;
});
// Go's base64 decoders (validate/formats.go tries four): the URL or the
// standard alphabet, padded to a multiple of 4 or not padded at all; they
// skip CR and LF, and do not look at the unused bits of the last character.
ajv.addFormat("base64url", (s) => {
  s = s.replace(/[\r\n]/g, "");
  const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (const a of [alpha + "-_", alpha + "+/"]) {
    for (const padded of [false, true]) {
      let body = s;
      if (padded) {
        if (s.length % 4 !== 0) continue;
        body = s.replace(/={1,2}$/, "");
        const pad = s.length - body.length;
        if (pad > 0 && body.length % 4 !== 4 - pad) continue;
      } else if (s.length % 4 === 1) continue;
      if ([...body].every((c) => a.includes(c))) return true;
    }
  }
  return false;
});

for (const f of fs.readdirSync(dir)) {
  if (f.endsWith(".schema.json")) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
}
const base = "https://odatagen.invalid/schema/";
const out = [];
for (const line of fs.readFileSync(jobsFile, "utf8").split("\n")) {
  if (line === "") continue;
  const job = JSON.parse(line);
  let value;
  try {
    value = JSON.parse(job.data);
  } catch (e) {
    out.push("x");
    continue;
  }
  out.push(ajv.getSchema(base + job.file)(value) ? "1" : "0");
}
process.stdout.write(out.join("\n") + "\n");
