import type { GalleryImage } from './gallery';

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** One row per sample and language, one column per theme; problems under the image. */
export function galleryIndexHtml(images: GalleryImage[], themes: string[]): string {
  const rows = new Map<string, GalleryImage[]>();
  for (const image of images) {
    const key = `${image.sampleId} (${image.language})`;
    rows.set(key, [...(rows.get(key) ?? []), image]);
  }
  const body = [...rows.entries()]
    .map(([key, row]) => {
      const first = row[0]!;
      const cells = themes.map((theme) => {
        const image = row.find((candidate) => candidate.theme === theme);
        if (!image) return '<td></td>';
        const problems = image.tooWide.map((p) => `<li>${escape(p)}</li>`).join('');
        return `<td><img src="${escape(image.file)}" alt="${escape(`${key}, ${theme}`)}" loading="lazy">${problems ? `<ul class="problems">${problems}</ul>` : ''}</td>`;
      });
      return `<tr><th scope="row"><code>${escape(key)}</code><br>${escape(first.description)}<br><small>${(first.bytes / 1024).toFixed(1)} KB</small></th>${cells.join('')}</tr>`;
    })
    .join('\n');
  const problemCount = images.filter((image) => image.tooWide.length > 0).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Digitallotse card gallery</title><style>
  body { font-family: system-ui, sans-serif; margin: 24px; }
  table { border-collapse: collapse; }
  th, td { border-bottom: 1px solid #ddd; padding: 8px; vertical-align: top; text-align: left; }
  th[scope="row"] { max-width: 220px; font-weight: normal; }
  img { width: 340px; display: block; }
  .problems { color: #b10e1c; max-width: 340px; font-size: 12px; }
</style></head><body>
<h1>Digitallotse card gallery</h1>
<p>${rows.size} renders × ${themes.length} themes = ${images.length} images; ${problemCount} with elements that do not fit.</p>
<table><thead><tr><th>Sample</th>${themes.map((t) => `<th>${escape(t)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}
