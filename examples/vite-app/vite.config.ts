import { fileURLToPath } from 'node:url';
import idemgen from 'idemgen/vite';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [
    // Generates src/generated/ from openapi.yaml before the build, and again whenever the spec changes in dev.
    idemgen({ spec: 'openapi.yaml', outDir: 'src/generated', target: 'client', cwd: here }),
  ],
});
