import { readFileSync } from 'node:fs';
import { parseDocument, type Tags, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Reads a CloudFormation template (the cfn-deployer's `templatePath`) as CloudFormation sees it: the
 * short-form tags (`!Ref X`, `!GetAtt A.B`, ...) become their long form.
 */
export interface StackResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
}
export interface StackTemplate {
  Parameters?: Record<string, unknown>;
  Resources?: Record<string, StackResource>;
  Outputs?: Record<string, { Value: unknown }>;
}

/** Throws naming the file when it is not YAML CloudFormation can read. */
export function readStackTemplate(file: string): StackTemplate {
  const document = parseDocument(readFileSync(file, 'utf8'), { customTags: cloudFormationTags() });
  const [problem] = [...document.errors, ...document.warnings];
  if (problem) throw new Error(`${file}: ${problem.message}`);
  const template = document.toJS() as unknown;
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    throw new Error(`${file} is not a CloudFormation template.`);
  }
  return template as StackTemplate;
}

export function resourcesOfType(template: StackTemplate, type: string): [string, StackResource][] {
  return Object.entries(template.Resources ?? {}).filter(([, resource]) => resource?.Type === type);
}

function cloudFormationTags(): Tags {
  const intrinsics = [
    'Base64',
    'Cidr',
    'FindInMap',
    'GetAZs',
    'ImportValue',
    'Join',
    'Select',
    'Split',
    'Sub',
  ];
  const conditions = ['And', 'Equals', 'If', 'Not', 'Or'];
  const longForm = (tag: string) => (tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`);
  return [...intrinsics, ...conditions, 'Ref', 'Condition', 'GetAtt'].flatMap((tag) => [
    {
      tag: `!${tag}`,
      // CloudFormation reads `!GetAtt Resource.Attribute` as the pair [Resource, Attribute].
      resolve: (value: string) => ({
        [longForm(tag)]:
          tag === 'GetAtt'
            ? [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)]
            : value,
      }),
    },
    ...(['seq', 'map'] as const).map((collection) => ({
      tag: `!${tag}`,
      collection,
      resolve: (value: YAMLSeq | YAMLMap) => ({ [longForm(tag)]: value.toJSON() }),
    })),
  ]);
}
