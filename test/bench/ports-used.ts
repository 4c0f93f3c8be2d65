/**
 * Which ports each module of the functions takes from the composition root, read from the types:
 * wherever `platformPorts()` (or a name holding it) is handed to a function, the properties of the
 * parameter's type (a use case's `Pick<Ports, ...>`); wherever a port is read from it, that port. The
 * cold-start benchmark counts, for a route, the modules of the stores those ports load on first call.
 */
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

const projectRoot = resolve(import.meta.dirname, '../..');

/** Port names by source file (its path in the project), for every file under `functions/src` that calls `platformPorts()`. */
export function portsUsedByModule(): Map<string, Set<string>> {
  const configPath = resolve(projectRoot, 'tsconfig.json');
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dirname(configPath));
  const roots = config.fileNames.filter((file) => file.includes('/functions/src/handlers/'));
  const program = ts.createProgram(roots, config.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, Set<string>>();
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.includes('/functions/src/handlers/')) continue;
    const ports = new Set<string>();
    const parameterPorts = (call: ts.CallExpression | ts.NewExpression, argument: ts.Expression) => {
      const signature = checker.getResolvedSignature(call);
      const index = call.arguments?.indexOf(argument) ?? -1;
      const parameter = signature?.getParameters()[index];
      if (!parameter) return;
      for (const property of checker.getApparentType(checker.getTypeOfSymbolAtLocation(parameter, call)).getProperties()) ports.add(property.getName());
    };
    /** What is done with an expression that is the ports: handed on, read from, or named. */
    const follow = (expression: ts.Expression) => {
      const parent = expression.parent;
      if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(expression)) parameterPorts(parent, expression);
      else if (ts.isPropertyAccessExpression(parent) && parent.expression === expression) ports.add(parent.name.text);
      else if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
        for (const element of parent.name.elements) ports.add((element.propertyName ?? element.name).getText(source));
      } else if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
        const symbol = checker.getSymbolAtLocation(parent.name);
        const visitUses = (node: ts.Node) => {
          if (ts.isIdentifier(node) && node !== parent.name && checker.getSymbolAtLocation(node) === symbol) follow(node);
          ts.forEachChild(node, visitUses);
        };
        visitUses(source);
      } else if (ts.isSpreadAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent)) {
        // Handed on inside an object: count every port, the most it could use.
        for (const property of checker.getTypeAtLocation(expression).getProperties()) ports.add(property.getName());
      }
    };
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'platformPorts') follow(node);
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (ports.size > 0) used.set(source.fileName.replace(`${projectRoot}/`, ''), ports);
  }
  return used;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, ports] of portsUsedByModule()) console.log(`${file}: ${[...ports].sort().join(', ')}`);
}
