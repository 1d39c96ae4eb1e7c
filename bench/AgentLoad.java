import com.sun.tools.attach.VirtualMachine;

/**
 * Passes one command to async-profiler in a running JVM through the Attach API (loading the agent the
 * first time). jcmd's JVMTI.agent_load cannot: it splits the agent's options at commas.
 *
 * java bench/AgentLoad.java <pid> <libasyncProfiler.so> <options, e.g. start,event=cpu,interval=1ms>
 */
public class AgentLoad {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
