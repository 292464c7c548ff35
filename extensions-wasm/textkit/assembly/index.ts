// textkit: a sqlink wasm extension in AssemblyScript (ABI: docs/wasm-extension-abi.md).
//   slugify(text)      -> lower-case ASCII words joined by '-' ("Héllo, World!" -> "hello-world")
//   levenshtein(a, b)  -> edit distance in code points
//   longest(text)      -> aggregate: the longest text of the group (the first one on ties)
//   mode(text)         -> aggregate and window: the most frequent text (the smallest one on ties)
//   COLLATE natsort    -> orders digit runs by number: file2 < file10
import {
  argInt, argText, argType, resultError, resultInt, resultNull, resultText, INTEGER, NULL,
} from "./sqlink";

export { sqlink_buffer } from "./sqlink";

const MANIFEST = String.UTF8.encode(
  '{"abi":1,"name":"textkit","version":"1.0.0",' +
  '"description":"Text functions (slugify, levenshtein, longest, mode) and a natural-order collation (natsort), in AssemblyScript",' +
  '"provides":[' +
  '{"kind":"scalar","name":"slugify","args":1,"flags":["deterministic","innocuous"]},' +
  '{"kind":"scalar","name":"levenshtein","args":2,"flags":["deterministic","innocuous"]},' +
  '{"kind":"aggregate","name":"longest","args":1,"flags":["deterministic","innocuous"]},' +
  '{"kind":"window","name":"mode","args":1,"flags":["deterministic","innocuous"]},' +
  '{"kind":"collation","name":"natsort"}' +
  ']}', true);

export function sqlink_manifest(): usize {
  return changetype<usize>(MANIFEST);
}

// ---------------------------------------------------------------- slugify

// Latin-1 letters with accents, and the ASCII letter each one loses its accent to.
const ACCENTED = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
const PLAIN = "aaaaaaceeeeiiiinoooooouuuuyy";

export function slugify(argc: i32, argv: usize): void {
  const text = argText(argv, 0);
  if (text == null) {
    resultNull();
    return;
  }
  const s = text.toLowerCase();
  let out = "";
  let pendingDash = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charAt(i);
    const accent = ACCENTED.indexOf(c);
    if (accent >= 0) c = PLAIN.charAt(accent);
    const code = c.charCodeAt(0);
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (alnum) {
      if (pendingDash && out.length > 0) out += "-";
      out += c;
      pendingDash = false;
    } else {
      pendingDash = true;
    }
  }
  resultText(out);
}

// ---------------------------------------------------------------- levenshtein

function codePoints(s: string): i32[] {
  const out = new Array<i32>(0);
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i);
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

export function levenshtein(argc: i32, argv: usize): void {
  const a = argText(argv, 0);
  const b = argText(argv, 1);
  if (a == null || b == null) {
    if (argType(argv, 0) != NULL && argType(argv, 1) != NULL) {
      resultError("levenshtein(a, b) takes two texts");
    } else {
      resultNull();
    }
    return;
  }
  const x = codePoints(a);
  const y = codePoints(b);
  let previous = new Array<i32>(y.length + 1);
  let current = new Array<i32>(y.length + 1);
  for (let j = 0; j <= y.length; j++) previous[j] = j;
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] == y[j - 1] ? 0 : 1;
      current[j] = min(min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
    }
    const t = previous;
    previous = current;
    current = t;
  }
  resultInt(<i64>previous[y.length]);
}

// ---------------------------------------------------------------- aggregates (state per context id)

const longestByGroup = new Map<i32, string>();

export function longest_step(ctx: i32, argc: i32, argv: usize): void {
  const t = argText(argv, 0);
  if (t == null) return;
  if (!longestByGroup.has(ctx) || t.length > longestByGroup.get(ctx).length) {
    longestByGroup.set(ctx, t);
  }
}

export function longest_final(ctx: i32): void {
  if (longestByGroup.has(ctx)) {
    resultText(longestByGroup.get(ctx));
    longestByGroup.delete(ctx);
  } else {
    resultNull();
  }
}

const countsByGroup = new Map<i32, Map<string, i32>>();

function counts(ctx: i32): Map<string, i32> {
  if (!countsByGroup.has(ctx)) countsByGroup.set(ctx, new Map<string, i32>());
  return countsByGroup.get(ctx);
}

function modeKey(argv: usize): string | null {
  // Integers count as their decimal text, so mode() works on numbers too.
  if (argType(argv, 0) == INTEGER) return argInt(argv, 0).toString();
  return argText(argv, 0);
}

export function mode_step(ctx: i32, argc: i32, argv: usize): void {
  const key = modeKey(argv);
  if (key == null) return;
  const m = counts(ctx);
  m.set(key, m.has(key) ? m.get(key) + 1 : 1);
}

export function mode_inverse(ctx: i32, argc: i32, argv: usize): void {
  const key = modeKey(argv);
  if (key == null) return;
  const m = counts(ctx);
  if (!m.has(key)) return;
  const n = m.get(key) - 1;
  if (n == 0) m.delete(key);
  else m.set(key, n);
}

export function mode_value(ctx: i32): void {
  if (!countsByGroup.has(ctx)) {
    resultNull();
    return;
  }
  const m = countsByGroup.get(ctx);
  const keys = m.keys();
  let best: string | null = null;
  let bestCount = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const n = m.get(k);
    if (n > bestCount || (n == bestCount && k < best!)) {
      best = k;
      bestCount = n;
    }
  }
  if (best == null) resultNull();
  else resultText(best as string);
}

export function mode_final(ctx: i32): void {
  mode_value(ctx);
  countsByGroup.delete(ctx);
}

// ---------------------------------------------------------------- natural collation

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

export function natsort(a: usize, aLen: i32, b: usize, bLen: i32): i32 {
  const x = String.UTF8.decodeUnsafe(a, <usize>aLen);
  const y = String.UTF8.decodeUnsafe(b, <usize>bLen);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const c = x.charCodeAt(i);
    const d = y.charCodeAt(j);
    if (isDigit(c) && isDigit(d)) {
      // Compare the digit runs as numbers: skip leading zeros, then longer is larger.
      while (i < x.length && x.charCodeAt(i) == 48) i++;
      while (j < y.length && y.charCodeAt(j) == 48) j++;
      let si = i;
      let sj = j;
      while (i < x.length && isDigit(x.charCodeAt(i))) i++;
      while (j < y.length && isDigit(y.charCodeAt(j))) j++;
      if (i - si != j - sj) return (i - si) - (j - sj);
      for (; si < i; si++, sj++) {
        const diff = x.charCodeAt(si) - y.charCodeAt(sj);
        if (diff != 0) return diff;
      }
    } else {
      if (c != d) return c - d;
      i++;
      j++;
    }
  }
  return (x.length - i) - (y.length - j);
}
