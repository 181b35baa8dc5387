#!/usr/bin/env python3
# check-manifest.py FLATPAK_DIR APP_ID — the Flatpak manifests, checked without flatpak-builder.
#
# Prints TAP. Asserts what a reviewer would: the runtime, the command, exactly the allowed
# sandbox holes (no home or host file access: files go through the portals), the fonts
# module pinned by real checksums with its licences, and the app built with meson.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
RUNTIME_VERSIONS = {'47', '48', '49'}
FONT_FILES = ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc', 'NotoSansCJK-Bold.ttc', 'ukai.ttc']

results = []


def check(ok, name, why=''):
    results.append((bool(ok), name, why))


def skip(name, why):
    results.append((True, f'{name} # SKIP {why}', ''))


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def resolve_modules(manifest, folder):
    """Module entries may name a JSON file relative to the manifest; load those."""
    modules = []
    for m in manifest.get('modules', []):
        if isinstance(m, str):
            m = load(os.path.join(folder, m))
        modules.append(m)
    return modules


def check_fonts(module, label):
    commands = '\n'.join(module.get('build-commands', []))
    check(module.get('buildsystem') == 'simple', f'{label}: fonts module is a simple module')
    sources = module.get('sources', [])
    check(sources, f'{label}: fonts module has sources')
    for s in sources:
        what = s.get('dest-filename') or s.get('url') or s.get('path', '?')
        check(s.get('url', '').startswith('https://'), f'{label}: {what} is fetched over https')
        check(re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', '')),
              f'{label}: {what} is pinned by a sha256', 'missing or malformed sha256')
    for font in FONT_FILES:
        check(font in commands, f'{label}: {font} is installed')
    check('${FLATPAK_DEST}/share/fonts' in commands or '/app/share/fonts' in commands,
          f'{label}: fonts go to /app/share/fonts')
    check('share/licenses/' in commands and commands.count('share/licenses/') >= 2,
          f'{label}: licence texts are installed')


def check_manifest(path, app_id, devel):
    label = os.path.basename(path)
    folder = os.path.dirname(path)
    try:
        m = load(path)
    except (OSError, ValueError) as e:
        check(False, f'{label}: parses as JSON', str(e))
        return
    check(True, f'{label}: parses as JSON')
    check(m.get('id', m.get('app-id')) == app_id, f'{label}: id is {app_id}', m.get('id'))
    check(m.get('runtime') == 'org.gnome.Platform', f'{label}: GNOME runtime')
    check(m.get('sdk') == 'org.gnome.Sdk', f'{label}: GNOME SDK')
    check(str(m.get('runtime-version')) in RUNTIME_VERSIONS,
          f'{label}: runtime version is a current GNOME release', m.get('runtime-version'))
    check(m.get('command') == 'nianbao', f'{label}: command is nianbao')

    args = m.get('finish-args', [])
    check(sorted(args) == sorted(ALLOWED_FINISH_ARGS) and len(set(args)) == len(args),
          f'{label}: finish-args are exactly {" ".join(ALLOWED_FINISH_ARGS)}', repr(args))
    broad = [a for a in args if a.startswith('--filesystem') or a.startswith('--talk-name')
             or a in ('--share=network', '--socket=x11', '--device=all')]
    check(not broad, f'{label}: no filesystem, network or bus holes', repr(broad))

    cleanup = m.get('cleanup', [])
    check(all(c in cleanup for c in ('/include', '/lib/pkgconfig', '*.la', '*.a')),
          f'{label}: cleanup drops headers, pkg-config files and static libraries')

    modules = resolve_modules(m, folder)
    fonts = [x for x in modules if x.get('name') == 'fonts']
    check(len(fonts) == 1, f'{label}: one fonts module')
    if fonts:
        check_fonts(fonts[0], label)
    app = modules[-1] if modules else {}
    check(app.get('name') == 'nianbao' and app.get('buildsystem') == 'meson',
          f'{label}: the last module builds nianbao with meson')
    dirs = [s for s in app.get('sources', []) if s.get('type') == 'dir']
    check(dirs and os.path.isfile(os.path.join(folder, dirs[0].get('path', ''), 'meson.build')),
          f'{label}: the app source is this repository')
    opts = app.get('config-opts', [])
    check(('-Ddevelopment=true' in opts) == devel,
          f'{label}: development option {"on" if devel else "off"}', repr(opts))

    # flatpak-builder's own parser, when installed: it needs no runtime for this.
    if shutil.which('flatpak-builder'):
        # It creates .flatpak-builder/ in the working directory: keep that out of the tree.
        with tempfile.TemporaryDirectory() as scratch:
            run = subprocess.run(['flatpak-builder', '--show-manifest', os.path.abspath(path)],
                                 capture_output=True, text=True, cwd=scratch)
        check(run.returncode == 0 and not run.stderr.strip(),
              f'{label}: flatpak-builder --show-manifest reads it without complaint',
              run.stderr.strip())
    else:
        skip(f'{label}: flatpak-builder --show-manifest', 'flatpak-builder is not installed')


def main():
    folder, app_id = sys.argv[1], sys.argv[2]
    check_manifest(os.path.join(folder, app_id + '.json'), app_id, False)
    check_manifest(os.path.join(folder, app_id + '.Devel.json'), app_id + '.Devel', True)
    print(f'1..{len(results)}')
    for i, (ok, name, why) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok and why:
            print(f'# {why}')
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
