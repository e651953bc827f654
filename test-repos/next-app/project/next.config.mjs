/** @type {import('next').NextConfig} */
export default {
  // Browser source maps are published beside the chunks: the scanner maps findings back with them.
  productionBrowserSourceMaps: true,
  // A fixed build id keeps the output paths the same on every build.
  generateBuildId: async () => "fixture",
};
