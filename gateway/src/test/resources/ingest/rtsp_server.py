"""A real RTSP camera for the ingest tests: GStreamer's RTSP server on 127.0.0.1.

usage: /usr/bin/python3 rtsp_server.py PORT [FILE]
       /usr/bin/python3 rtsp_server.py --probe   (exit 0 if every GStreamer element needed is installed)
Serves rtsp://127.0.0.1:PORT/cam as H.264: FILE (decoded and re-encoded) when given, otherwise a
live test pattern that never ends. Prints READY once listening; stops on SIGTERM/SIGKILL.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

ENCODE = "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=10 ! rtph264pay name=pay0 pt=96"


def launch_line(path):
    if path:
        return "( filesrc location=%s ! decodebin ! videoconvert ! %s )" % (path, ENCODE)
    return ("( videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=15/1"
            " ! videoconvert ! %s )" % ENCODE)


def probe():
    missing = [e for e in ("videotestsrc", "x264enc", "rtph264pay", "decodebin", "videoconvert")
               if Gst.ElementFactory.find(e) is None]
    if missing:
        print("missing GStreamer elements: " + ", ".join(missing), flush=True)
        sys.exit(3)
    print("OK", flush=True)


def main():
    Gst.init(None)
    if sys.argv[1] == "--probe":
        probe()
        return
    port = sys.argv[1]
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch_line(sys.argv[2] if len(sys.argv) > 2 else None))
    factory.set_shared(True)
    server.get_mount_points().add_factory("/cam", factory)
    if server.attach(None) == 0:
        print("cannot listen on 127.0.0.1:%s" % port, file=sys.stderr, flush=True)
        sys.exit(2)
    print("READY", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
