package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link WebcamSocket#linkWhileRead} against a removal of the feed's stream, in each order the two can interleave. The
 * removal is done as {@link OrphanedWebcams} does it: the stream goes first, then the feed's linked sockets are closed
 * ({@link WebcamHub#disconnect}). Whatever the order, the socket ends closed exactly once, nothing stays linked to the
 * feed, and another feed's socket is untouched.
 */
class WebcamLinkWhileReadTest {
    private static final String PAGE = "webcam-0a1b2c3d";

    private final WebcamHub webcams = new WebcamHub(WebcamLimits.defaults());
    private final AtomicBoolean pageStream = new AtomicBoolean(true);
    private final List<String> pageClosed = new CopyOnWriteArrayList<>();
    private final List<String> camClosed = new CopyOnWriteArrayList<>();

    /** What the orphan removal does: removes the stream, then closes the sockets linked to its feed. */
    private void removePageStream() {
        pageStream.set(false);
        webcams.disconnect(PAGE, UnreadFeedSockets.removed(PAGE));
    }

    /** Links a socket of the configured stream cam's feed, which no removal here touches. */
    private void linkCam() {
        assertNotNull(WebcamSocket.linkWhileRead(webcams, "cam", f -> true, camClosed::add));
    }

    private void assertCamUntouched() {
        assertEquals(List.of(), camClosed);
        assertEquals(1, webcams.links("cam"));
    }

    @Test
    void aSocketAttachingAfterTheRemovalIsRefusedNamingTheStream() {
        linkCam();
        removePageStream();
        assertNull(WebcamSocket.linkWhileRead(webcams, PAGE, f -> pageStream.get(), pageClosed::add));
        assertEquals(List.of("no stream reads webcam:" + PAGE), pageClosed);
        assertEquals(0, webcams.links(PAGE));
        assertCamUntouched();
    }

    /** The removal runs whole between the socket's link and its look for the stream: the removal closes it. */
    @Test
    void aRemovalEndingBetweenTheLinkAndTheLookClosesTheSocketOnce() {
        linkCam();
        Predicate<String> removedWhileLooking = f -> {
            removePageStream();
            return pageStream.get();
        };
        assertNull(WebcamSocket.linkWhileRead(webcams, PAGE, removedWhileLooking, pageClosed::add));
        assertEquals(List.of("the stream reading webcam:" + PAGE + " was removed"), pageClosed, "closed once");
        assertEquals(0, webcams.links(PAGE));
        assertCamUntouched();
    }

    /** The stream goes between the link and the look; its sockets are closed after the look: the look closes it. */
    @Test
    void aRemovalClosingSocketsAfterTheLookClosesNothingTwice() {
        linkCam();
        Predicate<String> streamGoneWhileLooking = f -> {
            pageStream.set(false);
            return pageStream.get();
        };
        assertNull(WebcamSocket.linkWhileRead(webcams, PAGE, streamGoneWhileLooking, pageClosed::add));
        assertEquals(0, webcams.disconnect(PAGE, UnreadFeedSockets.removed(PAGE)), "the refused socket was unlinked");
        assertEquals(List.of("no stream reads webcam:" + PAGE), pageClosed, "closed once");
        assertCamUntouched();
    }

    /**
     * The look finds the stream, and the whole removal runs right after it, before the socket's attach returns: the
     * removal finds the link and closes the socket (looking first and linking after would leave it linked, open).
     */
    @Test
    void aRemovalRightAfterTheLookFindsTheLinkAndClosesTheSocket() {
        linkCam();
        Predicate<String> removedRightAfterLooking = f -> {
            boolean found = pageStream.get();
            removePageStream();
            return found;
        };
        Runnable unlink = WebcamSocket.linkWhileRead(webcams, PAGE, removedRightAfterLooking, pageClosed::add);
        assertEquals(0, webcams.links(PAGE), "nothing stays linked to the removed stream's feed");
        assertEquals(List.of("the stream reading webcam:" + PAGE + " was removed"), pageClosed);
        if (unlink != null) {
            unlink.run(); // the socket's close handler
        }
        assertCamUntouched();
    }

    /** The socket attached while its stream existed: the removal finds its link and closes it. */
    @Test
    void aSocketAttachedBeforeTheRemovalIsClosedByIt() {
        linkCam();
        Runnable unlink = WebcamSocket.linkWhileRead(webcams, PAGE, f -> pageStream.get(), pageClosed::add);
        assertNotNull(unlink);
        assertEquals(1, webcams.links(PAGE));
        removePageStream();
        assertEquals(List.of("the stream reading webcam:" + PAGE + " was removed"), pageClosed);
        assertEquals(0, webcams.links(PAGE));
        unlink.run(); // the socket's close handler: nothing left to unlink
        assertCamUntouched();
    }
}
