/// The Mustache templates of the pages, kept in the binary: the shared frame, the Luma site and
/// app with their Profile Viewer, the call center and the Platform pages.
enum PageTemplates {
  /// Every template by the name pages render it with.
  static let all: [String: String] = [
    "header": header, "footer": footer, "viewer": viewer, "products": products,
    "luma-home": lumaHome, "luma-category": lumaCategory, "luma-product": lumaProduct,
    "luma-form": lumaForm, "luma-app": lumaApp, "callcenter": callCenter,
    "platform-browse": platformBrowse, "platform-graph": platformGraph,
    "platform-segments": platformSegments, "platform-segment": platformSegment,
    "platform-builder": platformBuilder,
  ]

  static let header = """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · aep-lab</title>
    <link rel="stylesheet" href="/assets/pages.css">
    <script src="/assets/pages.js" defer></script>
    </head>
    <body class="{{section}}" data-page="{{page}}" data-product="{{sku}}" data-device="{{device}}">
    <header class="top">
    <a class="brand" href="/">aep-lab</a>
    <nav aria-label="Sections">
    <a href="/luma/">Luma website</a> <a href="/luma/app/">Luma app</a>
    <a href="/callcenter/">Call center</a> <a href="/platform/">Platform: Profiles</a>
    <a href="/platform/segments">Platform: Segments</a>
    </nav>
    </header>
    <main id="main">
    """

  static let footer = """
    </main>
    <footer class="bottom">aep-lab serves these pages on this machine only; nothing is fetched
    from the internet.</footer>
    </body></html>
    """

  static let viewer = """
    <aside id="viewer" class="viewer" aria-live="polite" aria-label="Profile Viewer">
    <h2>Profile Viewer</h2>
    {{#visitor}}
    <p class="who">{{who}}</p>
    <p><span class="label">ECID of this {{deviceName}}</span> <code data-ecid>{{ecid}}</code></p>
    <h3>Identities ({{identityCount}})</h3>
    <ul class="identities">{{#identities}}<li><span class="ns">{{namespace}}</span>
    <span data-identity="{{namespace}}">{{id}}</span></li>{{/identities}}</ul>
    <h3>Attributes</h3>
    <dl>{{#attributes}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/attributes}}</dl>
    <h3>Events ({{eventCount}})</h3>
    <ol class="events" reversed>{{#events}}<li><time>{{time}}</time> {{type}}
    {{#detail}}<b data-event-detail>{{detail}}</b>{{/detail}} <span class="dim">{{channel}}</span>
    </li>{{/events}}</ol>
    {{#segments.count}}<h3>Segments</h3><ul>{{#segments}}<li>{{.}}</li>{{/segments}}</ul>
    {{/segments.count}}
    {{/visitor}}
    {{^visitor}}<p class="who">No visit yet: the first page you see sends an event with a new
    ECID.</p>{{/visitor}}
    </aside>
    """

  static let products = """
    <ul class="products">{{#products}}<li><a href="{{href}}" data-sku="{{sku}}">
    <span class="name">{{name}}</span> <span class="price">{{price}}</span></a></li>
    {{/products}}</ul>
    """

  static let lumaHome = """
    {{> header}}
    <div class="site">
    <section class="shop">
    <nav class="luma" aria-label="Luma">
    <a href="/luma/">Home</a> <a href="/luma/men">Men</a> <a href="/luma/women">Women</a>
    <a href="/luma/gear">Gear</a> <a href="/luma/register">Create an account</a>
    <a href="/luma/login">Sign in</a>
    </nav>
    <h1>Luma</h1>
    <p>Sports clothing and gear. Browse as you like: every page and product you view is an
    experience event for your ECID, anonymous until you create an account or sign in.</p>
    {{#message}}<p class="notice" role="status">{{message}}</p>{{/message}}
    {{> products}}
    </section>
    {{> viewer}}
    </div>
    {{> footer}}
    """

  static let lumaCategory = """
    {{> header}}
    <div class="site">
    <section class="shop">
    <nav class="luma" aria-label="Luma"><a href="/luma/">Home</a> <a href="/luma/men">Men</a>
    <a href="/luma/women">Women</a> <a href="/luma/gear">Gear</a></nav>
    <h1>{{heading}}</h1>
    {{> products}}
    </section>
    {{> viewer}}
    </div>
    {{> footer}}
    """

  static let lumaProduct = """
    {{> header}}
    <div class="site">
    <section class="shop">
    <nav class="luma" aria-label="Luma"><a href="/luma/">Home</a>
    <a href="/luma/{{categoryPath}}">{{category}}</a></nav>
    <h1 data-product-name>{{name}}</h1>
    <p>SKU <code>{{sku}}</code> · {{price}}</p>
    <p>Viewing this page sent a <code>commerce.productViews</code> event with this product in
    <code>productListItems</code>.</p>
    </section>
    {{> viewer}}
    </div>
    {{> footer}}
    """

  static let lumaForm = """
    {{> header}}
    <div class="site">
    <section class="shop">
    <nav class="luma" aria-label="Luma"><a href="/luma/">Home</a></nav>
    <h1>{{heading}}</h1>
    {{#error}}<p class="error" role="alert" id="form-error">{{error}}</p>{{/error}}
    <form method="post" action="{{action}}">
    {{#fields}}
    <p><label for="{{name}}">{{label}}</label>
    {{#options.count}}<select id="{{name}}" name="{{name}}">{{#options}}
    <option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
    </select>{{/options.count}}
    {{^options.count}}<input id="{{name}}" name="{{name}}" type="{{type}}" value="{{value}}"
    {{#required}}required{{/required}} autocomplete="off">{{/options.count}}
    {{#fieldError}}<span class="error" role="alert">{{fieldError}}</span>{{/fieldError}}</p>
    {{/fields}}
    <p><button type="submit">{{submit}}</button></p>
    </form>
    </section>
    {{> viewer}}
    </div>
    {{> footer}}
    """

  static let lumaApp = """
    {{> header}}
    <div class="app">
    <section class="phone" aria-label="Luma app">
    <h1>Luma app</h1>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{^email}}
    <form method="post" action="/luma/app/login">
    <p><label for="app-email">Email</label>
    <input id="app-email" name="email" type="email" required autocomplete="off"></p>
    <p><button type="submit">Log in</button></p>
    </form>
    {{/email}}
    {{#email}}<p>Logged in as <b data-app-email>{{email}}</b>.</p>{{/email}}
    <ul class="products">{{#products}}<li><button type="button" data-app-view="{{sku}}">
    {{name}}</button></li>{{/products}}</ul>
    </section>
    {{> viewer}}
    </div>
    {{> footer}}
    """

  static let callCenter = """
    {{> header}}
    <h1>Call center</h1>
    <form method="get" action="/callcenter/" class="search">
    <p><label for="cc-ns">Look up by</label>
    <select id="cc-ns" name="ns">{{#namespaces}}<option value="{{value}}"{{#selected}}
    selected{{/selected}}>{{value}}</option>{{/namespaces}}</select>
    <label for="cc-id">Value</label>
    <input id="cc-id" name="id" value="{{id}}" placeholder="+32473622044" required>
    <button type="submit">Search</button></p>
    </form>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#agent}}
    <section class="agent" aria-label="Customer">
    <h2 data-customer-name>{{name}}</h2>
    <dl>
    <dt>Phone</dt><dd>{{phone}}</dd>
    <dt>Loyalty</dt><dd data-loyalty>{{loyalty}}</dd>
    <dt>Last product viewed</dt><dd data-last-product>{{lastProduct}}</dd>
    <dt>Segments</dt><dd data-segments>{{segments}}</dd>
    <dt>Events</dt><dd>{{eventCount}}</dd>
    </dl>
    <h3>Recent events</h3>
    <table><thead><tr><th scope="col">Time</th><th scope="col">Type</th><th scope="col">Channel</th>
    <th scope="col">Detail</th></tr></thead><tbody>{{#recent}}<tr><td>{{time}}</td>
    <td>{{eventType}}</td><td>{{channel}}</td><td>{{detail}}</td></tr>{{/recent}}</tbody></table>
    <h3>Log this call</h3>
    <form method="post" action="/callcenter/log">
    <input type="hidden" name="phone" value="{{phone}}">
    <p><label for="cc-topic">Topic</label>
    <select id="cc-topic" name="topic">{{#topics}}<option>{{.}}</option>{{/topics}}</select>
    <label for="cc-feeling">Feeling</label>
    <select id="cc-feeling" name="feeling">{{#feelings}}<option>{{.}}</option>{{/feelings}}
    </select>
    <button type="submit">Log the call</button></p>
    </form>
    {{#logged}}<p class="notice" role="status" data-logged>{{logged}}</p>{{/logged}}
    </section>
    {{/agent}}
    {{> footer}}
    """

  static let platformBrowse = """
    {{> header}}
    <h1>Profiles: Browse</h1>
    <form method="get" action="/platform/" class="search">
    <p><label for="pf-ns">Identity namespace</label>
    <select id="pf-ns" name="ns">{{#namespaces}}<option value="{{value}}"{{#selected}}
    selected{{/selected}}>{{value}}</option>{{/namespaces}}</select>
    <label for="pf-id">Identity value</label>
    <input id="pf-id" name="id" value="{{id}}" required>
    <label for="pf-policy">Merge policy</label>
    <select id="pf-policy" name="mergePolicy">{{#policies}}<option value="{{id}}"{{#selected}}
    selected{{/selected}}>{{name}}</option>{{/policies}}</select>
    <button type="submit">View</button></p>
    </form>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#profile}}
    <section aria-label="Profile">
    <h2 data-profile-name>{{name}}</h2>
    <p>Profile <code data-entity-id>{{entityId}}</code>, merged by the policy
    <b>{{policy}}</b>. <a href="/platform/graph?ns={{ns}}&amp;id={{idQuery}}">Identity graph</a></p>
    <div role="tablist" aria-label="Profile" class="tabs">
    <button type="button" role="tab" id="tab-attributes" aria-controls="panel-attributes"
    aria-selected="true">Attributes</button>
    <button type="button" role="tab" id="tab-events" aria-controls="panel-events"
    aria-selected="false">Events ({{eventCount}})</button>
    <button type="button" role="tab" id="tab-segments" aria-controls="panel-segments"
    aria-selected="false">Segment membership</button>
    </div>
    <div role="tabpanel" id="panel-attributes" aria-labelledby="tab-attributes">
    <table><tbody>{{#attributes}}<tr><th scope="row">{{path}}</th>
    <td>{{value}}</td></tr>{{/attributes}}</tbody></table></div>
    <div role="tabpanel" id="panel-events" aria-labelledby="tab-events">
    <table><thead><tr><th scope="col">Time</th><th scope="col">Type</th>
    <th scope="col">Detail</th></tr></thead><tbody>{{#events}}<tr><td>{{time}}</td><td>{{type}}</td>
    <td>{{detail}}</td></tr>{{/events}}</tbody></table></div>
    <div role="tabpanel" id="panel-segments" aria-labelledby="tab-segments">
    <ul>{{#segments}}<li>{{.}}</li>{{/segments}}
    {{^segments}}<li>None yet.</li>{{/segments}}</ul></div>
    </section>
    {{/profile}}
    {{> footer}}
    """

  static let platformGraph = """
    {{> header}}
    <h1>Identity graph</h1>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#graph}}
    <p>{{summary}}</p>
    <figure>{{{svg}}}<figcaption>Identities by namespace; each line is a link, labelled with the
    dataset and batch whose record put both identities together.</figcaption></figure>
    <table><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Dataset</th>
    <th scope="col">Batch</th></tr></thead><tbody>{{#links}}<tr><td>{{from}}</td><td>{{to}}</td>
    <td>{{dataset}}</td><td>{{batch}}</td></tr>{{/links}}</tbody></table>
    {{/graph}}
    {{> footer}}
    """

  static let platformSegments = """
    {{> header}}
    <h1>Segments</h1>
    <p><a href="/platform/segments/new">Create a segment</a></p>
    {{#message}}<p class="notice" role="status">{{message}}</p>{{/message}}
    <table><thead><tr><th scope="col">Name</th><th scope="col">Evaluation</th>
    <th scope="col">Members</th><th scope="col">Last job</th></tr></thead>
    <tbody>{{#segments}}<tr><td><a href="/platform/segments/{{id}}">{{name}}</a></td>
    <td>{{evaluation}}</td><td data-members="{{name}}">{{members}}</td><td>{{job}}</td></tr>
    {{/segments}}</tbody></table>
    {{^segments}}<p>No segments yet.</p>{{/segments}}
    {{> footer}}
    """

  static let platformSegment = """
    {{> header}}
    <h1 data-segment-name>{{name}}</h1>
    <p>Evaluation: {{evaluation}}. Expression: <code>{{pql}}</code></p>
    {{#message}}<p class="notice" role="status" data-job-status>{{message}}</p>{{/message}}
    <form method="post" action="/platform/segments/{{id}}/run">
    <p><button type="submit">Run a segment job</button></p></form>
    <h2>Members (<span data-member-count>{{count}}</span>)</h2>
    <table><thead><tr><th scope="col">Status</th><th scope="col">Primary identity</th>
    <th scope="col">Name</th></tr></thead><tbody>{{#members}}<tr><td>{{status}}</td>
    <td data-member>{{identity}}</td><td>{{name}}</td></tr>{{/members}}</tbody></table>
    {{> footer}}
    """

  static let platformBuilder = """
    {{> header}}
    <h1>Create a segment</h1>
    {{#error}}<p class="error" role="alert" id="builder-error">{{error}}</p>{{/error}}
    <form method="post" action="/platform/segments" id="builder">
    <fieldset><legend>Rules</legend>
    <p><label for="b-gender">Person → Gender</label>
    <select id="b-gender" data-rule="gender"><option value="">any</option><option>male</option>
    <option>female</option><option>not_specified</option></select></p>
    <p><label for="b-product">Events → viewed the product</label>
    <select id="b-product" data-rule="product"><option value="">any</option>{{#products}}
    <option>{{name}}</option>{{/products}}</select></p>
    <p><label for="b-window">Events → within</label>
    <select id="b-window" data-rule="window"><option value="">any time</option>
    <option value="7">the last 7 days</option><option value="30">the last 30 days</option>
    </select></p>
    </fieldset>
    <p><label for="b-pql">PQL (written by the rules above, or by hand)</label>
    <textarea id="b-pql" name="pql" rows="4" cols="80" required>{{pql}}</textarea></p>
    <p>Estimate: <output id="b-estimate" for="b-pql" data-estimate>{{estimate}}</output></p>
    <p><label for="b-name">Name</label> <input id="b-name" name="name" value="{{name}}" required>
    <label for="b-evaluation">Evaluation</label>
    <select id="b-evaluation" name="evaluation">{{#evaluations}}<option{{#selected}}
    selected{{/selected}}>{{value}}</option>{{/evaluations}}</select>
    {{#error}}<span class="error" role="alert">{{error}}</span>{{/error}}</p>
    <p><button type="submit">Save the segment</button></p>
    </form>
    {{> footer}}
    """
}
