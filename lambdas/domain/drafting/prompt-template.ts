/**
 * Loads a prompt template: YAML-style front matter (`id`, `version`) followed by a `# system` and a `# user`
 * section. Only `{{lower_case}}` markers are variables; `{{UPPER_CASE}}` pseudonym placeholders pass through
 * untouched for the model to copy.
 */
export interface RenderedPrompt {
  readonly system: string;
  readonly user: string;
}

export interface PromptTemplate {
  readonly id: string;
  readonly version: string;
  /** Fills every variable; a missing or unused variable is a programming error and throws. */
  render(vars: Readonly<Record<string, string>>): RenderedPrompt;
}

const FRONT_MATTER = /^---\n(?<header>[\s\S]*?)\n---\n(?<body>[\s\S]*)$/;
const SECTIONS = /^# system\n(?<system>[\s\S]*?)\n# user\n(?<user>[\s\S]*)$/;
const VARIABLE = /\{\{([a-z][a-z0-9_]*)\}\}/g;

export function parsePromptTemplate(text: string): PromptTemplate {
  const document = FRONT_MATTER.exec(text.replace(/^\s+/, ''));
  if (!document) throw new Error('prompt template: missing --- front matter ---');
  const header = frontMatterFields(document.groups!.header!);
  const sections = SECTIONS.exec(document.groups!.body!);
  if (!sections) throw new Error('prompt template: expected a "# system" then a "# user" section');
  const system = sections.groups!.system!.trim();
  const user = sections.groups!.user!.trim();
  const declared = new Set([...variablesIn(system), ...variablesIn(user)]);
  return {
    id: requiredField(header, 'id'),
    version: requiredField(header, 'version'),
    render(vars) {
      const missing = [...declared].filter((name) => !Object.hasOwn(vars, name));
      const unused = Object.keys(vars).filter((name) => !declared.has(name));
      if (missing.length > 0 || unused.length > 0) {
        throw new Error(`prompt template: missing [${missing.join(', ')}], unused [${unused.join(', ')}]`);
      }
      return { system: fill(system, vars), user: fill(user, vars) };
    },
  };
}

function frontMatterFields(header: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of header.split('\n')) {
    const match = /^(?<key>[a-zA-Z_]+):\s*(?<value>.+)$/.exec(line.trim());
    if (match) fields.set(match.groups!.key!, match.groups!.value!.trim());
  }
  return fields;
}

function requiredField(fields: Map<string, string>, name: string): string {
  const value = fields.get(name);
  if (!value) throw new Error(`prompt template: front matter lacks "${name}"`);
  return value;
}

const variablesIn = (text: string): string[] => [...text.matchAll(VARIABLE)].map((match) => match[1]!);

// A function replacement, so that `$` in a value is never read as a replacement pattern.
const fill = (text: string, vars: Readonly<Record<string, string>>): string =>
  text.replace(VARIABLE, (_, name: string) => vars[name]!);
