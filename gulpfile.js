// Build steps tsc does not do: start from an empty dist/ (a file removed from the sources must not
// linger in the published package), then copy icons, codex and generated JSON next to the compiled code.
const { rmSync } = require('fs');
const { src, dest, task } = require('gulp');

task('clean', (done) => {
	rmSync('dist', { recursive: true, force: true });
	done();
});

task('build:assets', () =>
	src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(dest('dist')),
);
