import type { NextConfig } from 'next';

const config: NextConfig = {
  transpilePackages: ['@strata/schema', '@strata/document'],
  poweredByHeader: false,
  allowedDevOrigins: ['127.0.0.1'],
};

export default config;
