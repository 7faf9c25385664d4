import type { NextConfig } from 'next';

const config: NextConfig = {
  transpilePackages: ['@strata/schema', '@strata/document'],
  poweredByHeader: false,
};

export default config;
