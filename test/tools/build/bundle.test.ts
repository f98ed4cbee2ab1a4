import { expect } from 'chai';
import { build, Metafile } from 'esbuild';
import { lambdaBuildOptions } from '../../../tools/build/bundle';

/** The package of a bundled file: its folder in node_modules. */
function packageOf(file: string): string | undefined {
  return /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
}

describe("the Lambda zip's bundle", function () {
  this.timeout(60_000);
  let metafile: Metafile;
  /** The files that left code in the bundle (esbuild also lists those it read and dropped). */
  let bundled: string[];

  before(async () => {
    ({ metafile } = await build({ ...lambdaBuildOptions(), metafile: true }));
    bundled = Object.values(metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([file]) => file),
    );
  });

  it('takes credentials from the environment only: no other provider, no SSO or STS client, no XML parser', () => {
    const packages = new Set(bundled.map(packageOf));
    expect(packages).to.include('@aws-sdk/credential-provider-env');
    const unused = [...packages].filter((name) =>
      /credential-provider-(?!env)|token-providers|nested-clients|client-sso|client-sts|xml/.test(name ?? ''),
    );
    expect(unused).to.deep.equal([]);
  });

  it('holds no code loaded with import(), which would make esbuild defer and keep all of it', () => {
    const bundledDynamicImports = bundled.flatMap((file) =>
      metafile.inputs[file].imports
        .filter((record) => record.kind === 'dynamic-import' && !record.external)
        .map((record) => `${file} imports ${record.path}`),
    );
    expect(bundledDynamicImports).to.deep.equal([]);
  });
});
