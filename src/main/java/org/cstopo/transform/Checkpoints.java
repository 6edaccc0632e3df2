package org.cstopo.transform;

import net.sf.saxon.expr.DynamicFunctionCall;
import net.sf.saxon.expr.Expression;
import net.sf.saxon.expr.Operand;
import net.sf.saxon.expr.UserFunctionCall;
import net.sf.saxon.expr.instruct.ApplyNextMatchingTemplate;
import net.sf.saxon.expr.instruct.ApplyTemplates;
import net.sf.saxon.expr.instruct.CallTemplate;
import net.sf.saxon.expr.instruct.IterateInstr;
import net.sf.saxon.expr.instruct.NextIteration;
import net.sf.saxon.expr.instruct.TraceExpression;
import net.sf.saxon.expr.parser.CodeInjector;
import net.sf.saxon.expr.parser.ExpressionTool;
import net.sf.saxon.trace.TraceableComponent;

/**
 * Saxon-HE has no way to interrupt a running transformation (nothing in it looks at
 * Thread.interrupt). This puts a check of the {@link Watchdog} into the compiled stylesheet: every
 * expression is wrapped in a {@link TraceExpression}, whose evaluation calls the trace listener,
 * which throws once the watchdog has stopped the run. A loop, a recursion or a growing result all
 * evaluate expressions, so they meet a check at every step.
 *
 * <p>Saxon's own tracing wraps calls too, which takes them out of tail position: an XSLT-style
 * tail-recursive loop then overflows the stack after a few thousand steps. So an expression that
 * holds a call (function, template, next-iteration) is not wrapped; its operands (the arguments,
 * the conditions) are, and they are evaluated at every step of such a loop. What is left unchecked
 * is a loop inside one built-in function ({@code sum(1 to 2000000000)}): the watchdog then stops
 * waiting for it, and the process ends.
 */
final class Checkpoints implements CodeInjector {
    @Override
    public Expression inject(Expression e) {
        return e instanceof TraceExpression || mayCall(e) ? e : new TraceExpression(e);
    }

    @Override
    public void process(TraceableComponent component) {
        component.setBody(ExpressionTool.injectCode(component.getBody(), this));
    }

    private static boolean mayCall(Expression e) {
        if (e instanceof UserFunctionCall || e instanceof DynamicFunctionCall || e instanceof CallTemplate
                || e instanceof ApplyTemplates || e instanceof ApplyNextMatchingTemplate || e instanceof NextIteration
                || e instanceof IterateInstr) {
            return true;
        }
        for (Operand o : e.operands()) {
            if (mayCall(o.getChildExpression())) {
                return true;
            }
        }
        return false;
    }
}
