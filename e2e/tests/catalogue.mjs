// The texts the app shows, per language, for tests that find elements by what a visitor reads:
// the interface catalogue (locales/<lang>.json) merged with the policy texts
// (policy/text/<lang>.toml) in the shape the tests use: q.<question>.title/hint/options.<option>,
// summary.<question>, slot.<slot>.<value>, rules.<id>, page.<key> (the result page's own
// sentences), routes.<route>.action/open, plus every interface key.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Reads the TOML subset policy/text/*.toml is written in: [table.headers], `key = "string"`
 * lines with bare, quoted or dotted keys, and comments. Strings are TOML basic strings, which
 * for these files are also JSON strings.
 */
function readPolicyText(lang) {
  const out = {};
  let table = [];
  const lines = fs.readFileSync(path.join(ROOT, 'policy', 'text', `${lang}.toml`), 'utf8').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = line.match(/^\[([^\]]+)\]$/);
    if (header) { table = header[1].split('.'); continue; }
    const kv = line.match(/^("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.-]+)\s*=\s*(".*")\s*$/);
    if (!kv) throw new Error(`policy/text/${lang}.toml: cannot read line: ${line}`);
    const key = kv[1].startsWith('"') ? [JSON.parse(kv[1])] : kv[1].split('.');
    let node = out;
    for (const part of [...table, ...key.slice(0, -1)]) node = (node[part] ??= {});
    node[key[key.length - 1]] = JSON.parse(kv[2]);
  }
  return out;
}

/** Everything a visitor reads in `lang` (en, nl, nb, id). */
export function catalogue(lang) {
  const ui = JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', `${lang}.json`), 'utf8'));
  const policy = readPolicyText(lang);
  const q = {};
  const summary = {};
  for (const [id, question] of Object.entries(policy.questions)) {
    q[id] = { title: question.title, hint: question.hint };
    if (question.options) q[id].options = question.options;
    summary[id] = question.summary;
  }
  return {
    ...ui, q, summary, slot: policy.slots, rules: policy.rules, conflicts: policy.conflicts,
    page: policy.page, routes: policy.routes,
  };
}
