import * as jsyaml from 'js-yaml';
import { LineCounter, parseAllDocuments } from 'yaml';

/**
 * Splitting multi-document YAML into plain values, with the line where each document starts.
 *
 * Two readers give the same result: js-yaml on each document (fast: large GitOps repositories hold tens of
 * thousands of documents), and the `yaml` package on the whole text for anything the fast path does not handle
 * (directives, `...` markers, content on a `---` line) or refuses (syntax errors, duplicate keys), so error
 * messages always come from one reader and carry its line and column.
 *
 * Both honour merge keys (`<<: *anchor`) as kubectl does, and both use the YAML 1.2 core schema: `yes`, `on`
 * and dates stay strings.
 */

export interface YamlDocument {
  /** Zero-based index among the documents of the text, empty ones included. */
  readonly index: number;
  /** One-based line of the document's first content (or of its `---` marker when it has none). */
  readonly line: number;
  /** The document as plain JSON-like data; null or undefined when empty. */
  readonly value: unknown;
}

export interface YamlProblem {
  /** Set when the problem is inside one document and the message has no line. */
  readonly documentIndex?: number;
  readonly message: string;
}

export interface YamlReadResult {
  readonly documents: YamlDocument[];
  readonly problems: YamlProblem[];
}

/** js-yaml exports its built-in types at run time; @types/js-yaml does not declare them. */
const MERGE_TYPE = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types.merge;
const CORE_WITH_MERGE = jsyaml.CORE_SCHEMA.extend({ implicit: [MERGE_TYPE] });

/** A `---` marker line: the marker alone, or followed by a comment. */
const DOCUMENT_MARKER = /^---[ \t]*(#.*)?\r?$/;
/** Lines the fast path leaves to the `yaml` package: directives, document end markers, content after `---`. */
const NEEDS_FULL_PARSER = /^(%|\.\.\.([ \t]|\r?$)|---[ \t]+[^#\s])/;

/** Reads every document of `text`. Never throws. */
export function readYamlDocuments(text: string): YamlReadResult {
  return readFast(text) ?? readFull(text);
}

interface Segment {
  /** One-based line of the `---` marker, or of the first line when the segment has no marker. */
  readonly markerLine: number;
  readonly hasMarker: boolean;
  readonly lines: string[];
}

/** The fast path; undefined when the text needs the full parser. */
function readFast(text: string): YamlReadResult | undefined {
  const segments: Segment[] = [];
  let current: Segment = { markerLine: 1, hasMarker: false, lines: [] };
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    lineNumber++;
    start = end + 1;
    const first = line.charCodeAt(0);
    // Only lines starting with '-', '.' or '%' can be markers or directives: skip the regexes for the rest.
    if (first === 45 /* - */ || first === 46 /* . */ || first === 37 /* % */) {
      if (DOCUMENT_MARKER.test(line)) {
        segments.push(current);
        current = { markerLine: lineNumber, hasMarker: true, lines: [] };
        continue;
      }
      if (NEEDS_FULL_PARSER.test(line)) return undefined;
    }
    current.lines.push(line);
  }
  segments.push(current);

  const documents: YamlDocument[] = [];
  for (const segment of segments) {
    const contentOffset = segment.lines.findIndex(isContentLine);
    // Text before the first marker is a document only when it holds content, as for the yaml package.
    if (!segment.hasMarker && contentOffset === -1) continue;
    let value: unknown;
    try {
      value = jsyaml.load(segment.lines.join('\n'), { schema: CORE_WITH_MERGE });
    } catch {
      return undefined; // let the full parser word the error
    }
    const line = contentOffset === -1 ? segment.markerLine : segment.markerLine + (segment.hasMarker ? 1 : 0) + contentOffset;
    documents.push({ index: documents.length, line, value });
  }
  return { documents, problems: [] };
}

function isContentLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/** The full parser: every YAML feature, and the error messages users see. */
function readFull(text: string): YamlReadResult {
  const lineCounter = new LineCounter();
  const documents: YamlDocument[] = [];
  const problems: YamlProblem[] = [];
  parseAllDocuments(text, { merge: true, lineCounter }).forEach((doc, index) => {
    if (doc.errors.length > 0) {
      // The parser's first error names the line and column; later ones usually follow from it.
      problems.push({ message: firstLine(doc.errors[0].message) });
      return;
    }
    try {
      const offset = doc.contents?.range?.[0] ?? doc.range[0];
      documents.push({ index, line: lineCounter.linePos(offset).line, value: doc.toJS() });
    } catch (err) {
      // For example an alias to an unknown anchor, or too many aliases.
      problems.push({ documentIndex: index, message: err instanceof Error ? firstLine(err.message) : String(err) });
    }
  });
  return { documents, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/:\s*$/, '');
}
