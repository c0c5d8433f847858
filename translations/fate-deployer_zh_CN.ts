<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CliApp</name>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FateDeployer</name>
    <message>
        <source>Usage: fate-deployer-cli COMMAND [OPTIONS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;fate-deployer-cli COMMAND --help&quot; for the options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FateDeployer::Application</name>
    <message>
        <source>Deploy FATE federations with Docker Compose over SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the window, paint once and exit (installation check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user interface language (en or zh_CN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project file to open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FateDeployer::Cli</name>
    <message>
        <source>check a project file and list its problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the .fdproj file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the result as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validate needs exactly one PROJECT file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FateDeployer::ProjectFile</name>
    <message>
        <source>not a project file: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a project file: the top level must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a project file: formatVersion is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this project file has format version %1, but this FATE Deployer reads up to version %2; please update FATE Deployer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formatVersion: %1 is not a valid format version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of folder, archive, url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of dockerhub, private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FateDeployer::Reader</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of default, agent, publickey, password, keyboard-interactive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FateDeployer::Validator</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address or host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name (lowercase letters, digits, _ and -, starting with a letter or _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain NUL or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be the root directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain &quot;..&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a port number between 1 and 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image prefix (lowercase letters, digits, and . _ - / between them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a private registry needs its address, e.g. harbor.example.com/fate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid registry address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain spaces, quotes or $</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add at least one party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already used by parties[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 also runs parties[%2]; FATE 1.1 publishes ports 9370, 8080, 9360 and 9380 on the host, so the two parties would clash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KubeFATE %1 always deploys an exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a party of this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 10 and 3600 seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open a project to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
