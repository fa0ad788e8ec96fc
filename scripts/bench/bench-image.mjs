// The media benchmarks' source image: a 6000 × 4000 "photograph" — smooth shading with fine detail, so encoders do
// realistic work — written as a quality-90 JPEG.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export async function benchImage(file, width = 6000, height = 4000) {
  const sharp = require('sharp');
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const fine = ((x * 7 + y * 13) ^ (x * y)) & 31;
      raw[i] = (180 + 60 * Math.sin(x / 300) + fine) & 255;
      raw[i + 1] = (170 + 50 * Math.cos(y / 240) + fine) & 255;
      raw[i + 2] = (150 + 40 * Math.sin((x + y) / 500) + fine) & 255;
    }
  }
  await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toFile(file);
}
