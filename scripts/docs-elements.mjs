// Writes the API tables of docs/elements.md from packages/elements/custom-elements.json (made by
// `cem analyze` from the elements' JSDoc), between the GENERATED markers; the prose around them is
// written by hand. Run by scripts/build.mjs after the manifest; `--check` fails when the file is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const MANIFEST = 'packages/elements/custom-elements.json';
const DOC = 'docs/elements.md';
const BEGIN = '<!-- BEGIN GENERATED: scripts/docs-elements.mjs from custom-elements.json; do not edit by hand -->';
const END = '<!-- END GENERATED -->';

/** Table cell text: one line, pipes escaped. */
const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, '')}\`` : '');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function section(title, body) {
  return body ? `### ${title}\n\n${body}\n` : '';
}

function renderElement(decl) {
  const attributes = (decl.attributes ?? []).map((a) => [
    code(a.name),
    code(a.fieldName),
    code(a.type?.text),
    code(a.default),
    cell(a.description),
  ]);
  const withAttribute = new Set((decl.attributes ?? []).map((a) => a.fieldName));
  const publicMembers = (decl.members ?? []).filter(
    (m) => !m.static && (m.privacy ?? 'public') === 'public' && !m.inheritedFrom,
  );
  const properties = publicMembers
    .filter((m) => m.kind === 'field' && !withAttribute.has(m.name))
    .map((m) => [code(m.name), code(m.type?.text), m.readonly ? 'read-only' : '', cell(m.description)]);
  const methods = publicMembers
    .filter((m) => m.kind === 'method')
    .map((m) => [
      code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
      code(m.return?.type?.text),
      cell(m.description),
    ]);
  const events = (decl.events ?? [])
    .filter((e) => e.name)
    .map((e) => [code(e.name), code(e.type?.text), cell(e.description)]);
  const slots = (decl.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]);
  const parts = (decl.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]);
  const cssProperties = (decl.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]);

  return [
    `## \`<${decl.tagName}>\`\n`,
    decl.summary ? `**${cell(decl.summary)}**\n` : '',
    decl.description ? `${decl.description.trim()}\n` : '',
    section('Attributes', table(['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes)),
    section('Properties', table(['Property', 'Type', '', 'Description'], properties)),
    section('Methods', table(['Method', 'Returns', 'Description'], methods)),
    section('Events', table(['Event', 'Type', 'Description'], events)),
    section('Slots', table(['Slot', 'Description'], slots)),
    section('CSS parts', table(['Part', 'Description'], parts)),
    section('CSS custom properties', table(['Property', 'Description'], cssProperties)),
  ]
    .filter(Boolean)
    .join('\n');
}

export function generate(manifest) {
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) =>
      a.tagName === 'shop-store' ? -1 : b.tagName === 'shop-store' ? 1 : a.tagName.localeCompare(b.tagName),
    );
  const index = elements.map((d) => `- [\`<${d.tagName}>\`](#${d.tagName}): ${cell(d.summary)}`).join('\n');
  return [BEGIN, '', index, '', ...elements.map(renderElement), END].join('\n');
}

function main() {
  if (!existsSync(MANIFEST)) {
    console.error(`${MANIFEST} is missing: run npm run build first.`);
    process.exit(1);
  }
  const generated = generate(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Elements\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start === -1 || end === -1 || end < start) {
    console.error(`${DOC} lacks the generated-section markers.`);
    process.exit(1);
  }
  const next = current.slice(0, start) + generated + current.slice(end + END.length);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error(`${DOC} is out of date: run node scripts/docs-elements.mjs`);
      process.exit(1);
    }
    return;
  }
  if (next !== current) writeFileSync(DOC, next);
}

main();
