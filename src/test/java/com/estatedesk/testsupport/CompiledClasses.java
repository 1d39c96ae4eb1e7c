package com.estatedesk.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The application's compiled classes (target/classes), loaded without initialising them. */
public final class CompiledClasses {

    private CompiledClasses() {}

    public static List<Class<?>> all() {
        Path classes = Paths.get(System.getProperty("estatedesk.classes", "target/classes"));
        try (Stream<Path> files = Files.walk(classes)) {
            List<Class<?>> types = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                types.add(Class.forName(name, false, CompiledClasses.class.getClassLoader()));
            }
            return types;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the classes under " + classes, e);
        }
    }
}
