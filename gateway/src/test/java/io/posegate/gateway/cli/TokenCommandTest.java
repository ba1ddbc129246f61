package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.Role;
import io.posegate.gateway.auth.TokenStore;
import io.posegate.gateway.auth.WebSecurity;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.config.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code posegate token add|list|revoke} on a real config file, and the start-up rules for tokens. */
class TokenCommandTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private GatewayConfig parse(Path f) {
        return GatewayConfigs.parse(Yaml.read(f, "config"), dir);
    }

    @Test
    void addPrintsTheTokenOnceAndStoresOnlyItsHash() throws Exception {
        Path f = config("# my gateway\nmodel: demo-simulated\nstreams:\n  demo: {source: \"demo:\"}\n");
        CliRunner.Result r = CliRunner.run("token", "add", "--role", "admin", "--name", "ops", "--config", f.toString());
        assertEquals(0, r.code(), r.err());
        String token = r.out().trim();
        assertTrue(token.startsWith("pgt_"), r.out());
        String text = Files.readString(f);
        assertFalse(text.contains(token), "the token itself must not be stored");
        assertTrue(text.startsWith("# my gateway\n"), "comments survive: " + text);
        GatewayConfig cfg = parse(f);
        assertEquals(1, cfg.streams().size());
        assertEquals("ops", cfg.security().tokens().get(0).name());
        assertTrue(cfg.security().tokens().get(0).hash().startsWith("pbkdf2-sha256$100000$"), text);
        assertEquals(Role.ADMIN, TokenStore.of(cfg.security()).verify(token).role());
        char last = token.charAt(token.length() - 1);
        String changed = token.substring(0, token.length() - 1) + (last == 'A' ? 'Q' : 'A'); // one in 16 tokens already ends in A
        assertNull(TokenStore.of(cfg.security()).verify(changed), "a changed token is refused");

        CliRunner.Result viewer = CliRunner.run("token", "add", "--role", "viewer", "--name", "wall", "--config", f.toString());
        assertEquals(0, viewer.code(), viewer.err());
        assertEquals(Role.VIEWER, TokenStore.of(parse(f).security()).verify(viewer.out().trim()).role());
        assertEquals(Role.ADMIN, TokenStore.of(parse(f).security()).verify(token).role(), "the first token still works");

        CliRunner.Result again = CliRunner.run("token", "add", "--role", "admin", "--name", "ops", "--config", f.toString());
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("exists"), again.err());
        CliRunner.Result badRole = CliRunner.run("token", "add", "--role", "root", "--name", "x", "--config", f.toString());
        assertNotEquals(0, badRole.code());
        assertTrue(badRole.err().contains("[viewer, admin]"), badRole.err());
    }

    @Test
    void listShowsNamesAndRolesNeverTokensAndRevokeRemoves() throws Exception {
        Path f = config("auth:\n  metrics: open\nmodel: demo-simulated\n");
        String ops = CliRunner.run("token", "add", "--role", "admin", "--name", "ops", "--config", f.toString()).out().trim();
        String wall = CliRunner.run("token", "add", "--role", "viewer", "--name", "wall", "--config", f.toString()).out().trim();
        CliRunner.Result list = CliRunner.run("token", "list", "--config", f.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("ops\tadmin") && list.out().contains("wall\tviewer"), list.out());
        assertFalse(list.out().contains(ops) || list.out().contains(wall) || list.out().contains("pbkdf2"), list.out());
        assertEquals("open", parse(f).security().metrics(), "the existing auth settings stay");

        CliRunner.Result revoke = CliRunner.run("token", "revoke", "ops", "--config", f.toString());
        assertEquals(0, revoke.code(), revoke.err());
        TokenStore after = TokenStore.of(parse(f).security());
        assertNull(after.verify(ops), "a revoked token is refused");
        assertNotNull(after.verify(wall));
        assertFalse(CliRunner.run("token", "list", "--config", f.toString()).out().contains("ops"));
        assertEquals(1, CliRunner.run("token", "revoke", "ops", "--config", f.toString()).code());
    }

    @Test
    void runOnANonLoopbackAddressWithoutTokensRefusesToStart() throws Exception {
        Path f = config("model: demo-simulated\nmodelsDir: " + Path.of("..", "config", "models").toAbsolutePath() + "\nstreams: {}\n");
        CliRunner.Result r = CliRunner.run("run", "--config", f.toString(), "--host", "0.0.0.0", "--port", "0");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("posegate token add --role admin"), r.err());
        assertTrue(r.err().contains("insecure: true"), r.err());
        GatewayConfig insecure = GatewayConfigs.parse(Yaml.read(config("insecure: true\n"), "config"), dir);
        assertNull(WebSecurity.startupProblem(insecure.security(), "0.0.0.0"), "insecure: true allows it");
        assertNull(WebSecurity.startupProblem(parse(f).security(), "127.0.0.1"), "loopback is always allowed");
    }

    @Test
    void generatedTokenFileIsOwnerOnlyAndTheLoginUrlCarriesALoginCode() throws Exception {
        Path file = RunTokenFile.write(dir.resolve("home").resolve(".posegate").resolve("run-token-8080"), "pgt_x");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("pgt_x", Files.readString(file).trim());
        GatewayConfig cfg = parse(config("http: {host: 0.0.0.0}\ninsecure: true\n"));
        assertEquals("http://127.0.0.1:8080/?login=C0de", RunCommand.loginUrl(cfg, 8080, "C0de"));
        assertEquals("http://127.0.0.1:8080/", RunCommand.dashboardUrl(cfg, 8080));
    }
}
