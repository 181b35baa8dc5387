/* nb-first-frame.c — time from exec to the first frame of a program's window, and its RSS
 *
 * Runs the command given on the command line and watches the X display: the first drawing
 * (an XDamage event) into the first top-level window the program maps is its first frame.
 * Half a second later it reads the program's resident memory from /proc. Prints
 * "<seconds> <MiB>" and ends the program. The same measurement for every program, so that
 * build-aux/bench.sh can compare Nianbao with GNOME Text Editor.
 *
 * Build: cc -O2 -o nb-first-frame nb-first-frame.c $(pkg-config --cflags --libs x11 xdamage)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
rss_mib (pid_t pid)
{
  char path[64], line[256];
  FILE *f;
  double kib = -1;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  if ((f = fopen (path, "r")) == NULL)
    return -1;
  while (fgets (line, sizeof line, f))
    if (strncmp (line, "VmRSS:", 6) == 0)
      kib = atof (line + 6);
  fclose (f);
  return kib / 1024.0;
}

int
main (int argc, char **argv)
{
  Display *dpy;
  Window root;
  int damage_event, damage_error;
  double start, frame = -1, timeout = 30;
  pid_t pid;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s COMMAND [ARG…]\n", argv[0]);
      return 2;
    }
  if ((dpy = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "cannot open display\n");
      return 1;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "no DAMAGE extension\n");
      return 1;
    }
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, False);

  start = now ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      _exit (127);
    }

  while (frame < 0 && now () - start < timeout)
    {
      XEvent ev;
      fd_set fds;
      struct timeval tv = { 0, 20000 };

      if (!XPending (dpy))
        {
          FD_ZERO (&fds);
          FD_SET (ConnectionNumber (dpy), &fds);
          select (ConnectionNumber (dpy) + 1, &fds, NULL, NULL, &tv);
          continue;
        }
      XNextEvent (dpy, &ev);
      if (ev.type == MapNotify && !ev.xmap.override_redirect)
        {
          XWindowAttributes attrs;

          /* Toolkits map small helper windows too; the main window is large. */
          if (XGetWindowAttributes (dpy, ev.xmap.window, &attrs) && attrs.width >= 200 &&
              attrs.height >= 200)
            XDamageCreate (dpy, ev.xmap.window, XDamageReportNonEmpty);
        }
      else if (ev.type == damage_event + XDamageNotify)
        frame = now () - start;
    }

  if (frame >= 0)
    {
      double rss;

      usleep (500000);
      rss = rss_mib (pid);
      printf ("%.3f %.1f\n", frame, rss);
    }
  else
    fprintf (stderr, "no frame within %.0f s\n", timeout);

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  XCloseDisplay (dpy);
  return frame >= 0 ? 0 : 1;
}
