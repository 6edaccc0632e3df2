/** The floor of any Java command line tool: start a JVM, print a line, exit. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
