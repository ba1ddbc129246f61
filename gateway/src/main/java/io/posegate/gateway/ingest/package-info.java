/**
 * Video ingest: every stream's frames, decoded to packed BGR on the stream's own thread.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.posegate.gateway.ingest.Sources#defaultFactory} builds the {@link io.posegate.gateway.ingest.SourceFactory}
 *       with every scheme: each {@link io.posegate.gateway.ingest.SourceProvider} found by {@link java.util.ServiceLoader}
 *       registers its own, so this package names none of the packages that implement sources.
 *       {@code factory.create(spec)} validates a {@link io.posegate.gateway.ingest.SourceSpec} and
 *       creates the source without opening anything, so {@code PUT /api/streams/{id}} can call it on any thread and
 *       answer 400 with the {@code IllegalArgumentException}'s message.</li>
 *   <li>{@link io.posegate.gateway.ingest.SourceSupervisor} runs one source on one daemon thread, feeding a
 *       {@link io.posegate.gateway.ingest.FrameSink}, and reconnects with capped exponential backoff. Changing a
 *       stream is {@code close()} on the old supervisor and a new one; no other stream is touched.</li>
 *   <li>{@link io.posegate.gateway.ingest.feeds.WebcamHub}: the WebSocket handler pushes a browser's JPEG with
 *       {@code hub.feed(name).submitJpeg(bytes)} (cheap, never blocks, safe on an event loop); the stream
 *       {@code webcam:NAME} decodes it on its own thread.</li>
 * </ul>
 *
 * <h2>Schemes</h2>
 * Options come from the spec's options map or from the URI fragment ({@code file:clip.mp4#loop=true&pace=fast}),
 * read by {@link io.posegate.gateway.ingest.QueryString}, the one parameter parser every source uses.
 * <ul>
 *   <li>{@code file:PATH} — any container/codec FFmpeg reads. {@code loop=true}, {@code pace=native} (default, the
 *       file's own frame rate) or {@code fast}.</li>
 *   <li>{@code rtsp://}, {@code rtsps://} (TCP unless {@code transport=udp}), {@code rtmp://}, {@code rtmps://},
 *       {@code http://}, {@code https://} — network cameras and streams through FFmpeg, with a
 *       {@code protocol_whitelist} for the scheme and I/O timeouts from {@link io.posegate.gateway.ingest.IngestPolicy}.</li>
 *   <li>{@code mjpeg+http://}, {@code mjpeg+https://} — HTTP MJPEG ({@code multipart/x-mixed-replace}) cameras
 *       through FFmpeg's {@code mpjpeg} demuxer.</li>
 *   <li>{@code v4l2:/dev/videoN} — USB cameras; {@code input_format}, {@code video_size}, {@code framerate}.</li>
 *   <li>{@code images:DIR} — JPEG/PNG/BMP files in name order; {@code fps} (default 10), {@code loop}.</li>
 *   <li>{@code pipe:COMMAND} — {@code /bin/sh -c COMMAND}'s stdout as MJPEG ({@code format=mjpeg}, default) or raw
 *       frames ({@code format=bgr24}, {@code size=WxH}). Config file only. A Jetson CSI camera:
 *       <pre>pipe:gst-launch-1.0 -q nvarguscamerasrc sensor-id=0 ! 'video/x-raw(memory:NVMM),width=1280,height=720,framerate=30/1' ! nvvidconv ! 'video/x-raw(memory:NVMM),format=I420' ! nvjpegenc quality=85 ! fdsink fd=1</pre></li>
 *   <li>{@code webcam:[NAME]} — frames from the dashboard's camera over the WebSocket.</li>
 *   <li>{@code demo:} — the synthetic demo scene.</li>
 * </ul>
 * Every stream also takes a frame-rate cap and a target size ({@code SourceSpec.maxFps/width/height}); FFmpeg
 * sources scale while converting, so a smaller target makes later pre-processing cheaper.
 *
 * <h2>Safety</h2>
 * Specs from the API ({@link io.posegate.gateway.ingest.SourceSpec.Origin#API}) may not use {@code pipe:} nor
 * {@code ffmpeg.*} pass-through options, and {@code file:}/{@code images:} paths must resolve (symlinks followed)
 * inside the configured media directory. Webcam frames are limited in bytes, rate and SOF-declared size before
 * they are decoded.
 *
 * <h2>Threads and failure</h2>
 * Decoding never runs on an event loop. A failing source is retried with backoff (states: starting, live,
 * reconnecting with attempt and next try, failed with the reason, ended, stopped); live sources treat their end
 * as a failure. Frames lost to errors ({@link io.posegate.gateway.ingest.SourceSupervisor#framesLost()}) are
 * counted apart from frames the pipeline's latest-wins slot drops by design.
 */
package io.posegate.gateway.ingest;
