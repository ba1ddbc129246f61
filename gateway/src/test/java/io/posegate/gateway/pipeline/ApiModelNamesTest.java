package io.posegate.gateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.gateway.model.ModelDescriptors;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream's {@code model} from the API (or a fleet desired config, held to the API's rules) names a descriptor in
 * the models folder and nothing else: never a file of the working directory, never a descriptor symlinked out of the
 * folder; a descriptor symlinked inside the folder resolves its {@code model.file} against the models folder, as the
 * config file does; a descriptor that is no valid YAML is answered without its lines; a {@code modelFile} symlinked out of the
 * media folder is refused. The config file keeps naming descriptor paths.
 */
class ApiModelNamesTest {
    private static final Path CONFIG_MODELS = Path.of("..", "config", "models").toAbsolutePath().normalize();
    private static final String SECRET = "hunter2-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;
    private Path models;
    private Path media;
    private Path outside;
    private Path inWorkingDir;
    private StreamDescriptors descriptors;

    @BeforeEach
    void setUp() throws Exception {
        models = Files.createDirectories(dir.resolve("models"));
        media = Files.createDirectories(dir.resolve("media"));
        outside = Files.createDirectories(dir.resolve("outside"));
        for (String f : new String[] {"demo-simulated.yaml", "demo.sim.properties"}) {
            Files.copy(CONFIG_MODELS.resolve(f), models.resolve(f));
            Files.copy(CONFIG_MODELS.resolve(f), outside.resolve(f));
        }
        Files.copy(CONFIG_MODELS.resolve("demo-simulated.yaml"), models.resolve("demo-copy.yaml"));
        GatewayConfig config = GatewayConfigs.parse(new JsonObject().put("model", "demo-simulated")
                .put("modelsDir", models.toString()).put("media", new JsonObject().put("dir", media.toString())), dir);
        descriptors = new StreamDescriptors(config, ModelDescriptors.resolve("demo-simulated", models));
    }

    @AfterEach
    void removeWorkingDirFile() throws Exception {
        if (inWorkingDir != null) {
            Files.deleteIfExists(inWorkingDir);
        }
    }

    private static GatewayConfig.StreamConfig stream(String model, Path modelFile) {
        return new GatewayConfig.StreamConfig("c", "demo:", 0, 0, 0, null, Map.of(), model, modelFile);
    }

    private String refusal(String model, Path modelFile) {
        return assertThrows(ConfigException.class, () -> descriptors.resolve(stream(model, modelFile), SourceSpec.Origin.API))
                .getMessage();
    }

    /** The answer up to the list of known names (which names every *.yaml of the folder, links included). */
    private static String beforeKnown(String answer) {
        int i = answer.indexOf("; known:");
        return i < 0 ? answer : answer.substring(0, i);
    }

    @Test
    void aNameIsNeverReadFromTheWorkingDirectory() throws Exception {
        String name = "posegate-probe-" + UUID.randomUUID();
        inWorkingDir = Path.of(name).toAbsolutePath();
        Files.writeString(inWorkingDir, "password: " + SECRET + ": not yaml\n");

        String present = refusal(name, null);
        assertFalse(present.contains(SECRET), present);
        String missing = refusal(name + "-missing", null);
        assertEquals(missing.replace(name + "-missing", "NAME"), present.replace(name, "NAME"),
                "a file of the working directory and a missing one get the same answer");
        assertTrue(present.contains("demo-copy"), "the answer lists the known descriptors: " + present);

        String trusted = assertThrows(ConfigException.class,
                () -> descriptors.resolve(stream(name, null), SourceSpec.Origin.CONFIG_FILE)).getMessage();
        assertTrue(trusted.contains("not valid YAML"), "the config file may still name a descriptor path: " + trusted);
    }

    @Test
    void aDescriptorThatIsNoYamlIsAnsweredWithoutItsLines() throws Exception {
        Files.writeString(models.resolve("broken.yaml"), "name: x\nsecret: " + SECRET + ": not yaml\n");
        String answer = refusal("broken", null);
        assertFalse(answer.contains(SECRET), answer);
        assertTrue(answer.contains("'broken'") && answer.contains("cannot be read as YAML"), answer);
    }

    @Test
    void aDescriptorSymlinkedOutOfTheModelsFolderIsNotAvailable() throws Exception {
        Files.createSymbolicLink(models.resolve("elsewhere.yaml"), outside.resolve("demo-simulated.yaml"));
        String linked = refusal("elsewhere", null);
        String missing = refusal("nowhere", null);
        assertEquals(beforeKnown(missing).replace("nowhere", "NAME"), beforeKnown(linked).replace("elsewhere", "NAME"));
    }

    @Test
    void aDescriptorSymlinkedInsideTheModelsFolderFindsTheSameModelFileAsTheConfigFile() throws Exception {
        Path variants = Files.createDirectories(models.resolve("variants"));
        Files.copy(CONFIG_MODELS.resolve("demo-simulated.yaml"), variants.resolve("pose-v2.yaml"));
        Files.createSymbolicLink(models.resolve("pose.yaml"), Path.of("variants", "pose-v2.yaml"));
        Files.copy(CONFIG_MODELS.resolve("demo.sim.properties"), variants.resolve("demo.sim.properties"));

        ModelDescriptor fromApi = descriptors.resolve(stream("pose", null), SourceSpec.Origin.API);
        ModelDescriptor fromConfig = ModelDescriptors.resolve("pose", models);
        assertEquals(models.resolve("demo.sim.properties").toRealPath(), fromApi.modelFile().toRealPath(),
                "file: demo.sim.properties is resolved against the models folder, where the descriptor is named");
        assertEquals(fromConfig.modelFile().toRealPath(), fromApi.modelFile().toRealPath(), "as the config file does");
    }

    @Test
    void aDotNameIsNoDescriptorName() {
        String answer = refusal(".bash_history", null);
        assertTrue(answer.contains("streams.c.model"), answer);
    }

    @Test
    void aModelFileSymlinkedOutOfTheMediaFolderIsRefused() throws Exception {
        Files.createSymbolicLink(media.resolve("link.sim.properties"), outside.resolve("demo.sim.properties"));
        String answer = refusal("demo-copy", media.resolve("link.sim.properties"));
        assertTrue(answer.contains("streams.c.modelFile"), answer);
        String missing = refusal("demo-copy", media.resolve("missing.sim.properties"));
        assertEquals(missing, answer, "missing and outside get the same answer");
    }

    @Test
    void descriptorsAndModelFilesInsideTheFoldersLoad() throws Exception {
        Files.copy(CONFIG_MODELS.resolve("demo.sim.properties"), media.resolve("own.sim.properties"));
        ModelDescriptor named = descriptors.resolve(stream("demo-copy", null), SourceSpec.Origin.API);
        assertEquals(models.toRealPath().resolve("demo.sim.properties"), named.modelFile().toRealPath());
        ModelDescriptor withFile = descriptors.resolve(stream("demo-copy", media.resolve("own.sim.properties")),
                SourceSpec.Origin.API);
        assertEquals(media.toRealPath().resolve("own.sim.properties"), withFile.modelFile());
    }
}
