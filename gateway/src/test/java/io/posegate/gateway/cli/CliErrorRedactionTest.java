package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Errors the command line prints to stderr are redacted like every log line: no password, token or login code. */
class CliErrorRedactionTest {
    @TempDir
    Path dir;

    @Test
    void runPrintsAConfigErrorQuotingACameraUrlRedacted() throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.yaml"),
                "model: demo-simulated\nstreams:\n  cam: {source: \"rtsp://admin:S3cretCam@10.0.0.5/s\", maxFps: [oops\n");
        CliRunner.Result r = CliRunner.run("run", "--config", config.toString(), "--port", "0");
        assertNotEquals(0, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertFalse(r.err().contains("S3cretCam"), r.err());
    }

    @Test
    void runPrintsABrokerProblemWithoutTheBrokerPassword() throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.yaml"), "model: demo-simulated\n");
        CliRunner.Result r = CliRunner.run("run", "--config", config.toString(), "--port", "0", "--fleet-broker",
                "mqtt://box:Br0kerPw@hub.lan", "--box-id", "b1");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("mqtt://box:***@hub.lan"), r.err());
        assertFalse(r.err().contains("Br0kerPw"), r.err());
    }

    @Test
    void anyCommandsFailureIsPrintedRedacted() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("fail", new Failing());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("fail"));
        assertEquals("error: cannot open rtsp://admin:***@10.0.0.5/s?token=***", err.toString().strip());
    }

    @Test
    void runPrintsAModelErrorQuotingARawUrlRedacted() throws Exception {
        // nothing on the way redacts the --model value: only run's own Redaction.text keeps the password off stderr
        Path config = Files.writeString(dir.resolve("gateway.yaml"), "model: demo-simulated\n");
        CliRunner.Result r = CliRunner.run("run", "--config", config.toString(), "--port", "0", "--model",
                "http://admin:M0delPw@models.lan/pose.onnx");
        assertNotEquals(0, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertFalse(r.err().contains("M0delPw"), r.err());
    }

    @Test
    void runPrintsAnUnknownSourceSchemeWithoutThePassword() throws Exception {
        Path config = Files.writeString(dir.resolve("gateway.yaml"), "model: demo-simulated\n");
        CliRunner.Result r = CliRunner.run("run", "--config", config.toString(), "--port", "0", "--source",
                "rtspx://admin:p/S3c ret@cam/s");
        assertNotEquals(0, r.code());
        assertFalse(r.err().contains("S3c") || r.err().contains("ret@"), r.err());
    }

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("cannot open rtsp://admin:S3cretCam@10.0.0.5/s?token=T0kenValue");
        }
    }
}
