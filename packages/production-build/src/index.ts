export {
  bundleDeployable,
  describeBundle,
  type BundleOptions,
  type BundleResult,
} from './bundle-deployable.js';
export { bundleWhenChanged } from './bundle-when-changed.js';
