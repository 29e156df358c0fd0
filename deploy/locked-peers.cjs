// Prints the @temporalio/* peer dependencies at the exact versions package-lock.json holds (the versions the
// tests ran with), for `npm install` in the worker image: `npm ci --omit=dev` leaves them out, because this
// repository also lists them as dev dependencies.
const { peerDependencies = {}, peerDependenciesMeta = {} } = require('../package.json');
const { packages } = require('../package-lock.json');

const specs = Object.keys(peerDependencies)
  .filter((name) => !peerDependenciesMeta[name]?.optional)
  .map((name) => `${name}@${packages[`node_modules/${name}`].version}`);
console.log(specs.join(' '));
