package io.posegate.gateway.ingest.ffmpeg;

import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.SourceUri;
import io.posegate.gateway.ingest.net.NetworkPolicy;
import io.posegate.gateway.ingest.net.NetworkUrl;

/**
 * The {@code rtsp_transport} of an RTSP(S) source: its {@code transport} option, {@code tcp} (default) or
 * {@code udp}. Over UDP the server tells FFmpeg where RTP and RTCP go (the {@code source=} of its
 * {@code Transport} header), so a server named through the API could aim FFmpeg's packets at internal
 * addresses the source address check never saw. From the API, UDP is therefore accepted only for a host that is
 * itself on {@code sources.allow} (a listed name, or an address literal in a listed range); every other API source
 * runs over TCP, where FFmpeg refuses a server reply naming another transport. The config file chooses freely.
 */
final class RtspTransport {
    private RtspTransport() {
    }

    /**
     * @param url the URL FFmpeg would open (without the fragment options)
     * @throws IllegalArgumentException naming the option and why it was refused
     */
    static String choose(SourceSpec spec, SourceUri uri, String url, NetworkPolicy network) {
        String transport = uri.option("transport", "tcp");
        if (!transport.equals("tcp") && !transport.equals("udp")) {
            throw new IllegalArgumentException(uri.scheme() + ": option 'transport' must be tcp or udp, got '" + transport + "'");
        }
        if (transport.equals("udp") && spec.origin() == SourceSpec.Origin.API && !hostAllowed(url, network)) {
            throw new IllegalArgumentException(uri.scheme() + ": option 'transport=udp' is refused for sources from the API: "
                    + "over UDP the RTSP server decides where FFmpeg sends RTP/RTCP packets, which could reach internal "
                    + "addresses; use transport=tcp (the default), or have an administrator list the camera's host under "
                    + "sources.allow in the config file");
        }
        return transport;
    }

    private static boolean hostAllowed(String url, NetworkPolicy network) {
        try {
            return network.allowsHost(NetworkUrl.parse(url).host());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
